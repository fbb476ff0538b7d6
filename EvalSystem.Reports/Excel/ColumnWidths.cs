namespace EvalSystem.Reports.Excel;

/// <summary>
/// Excel column widths computed from the content. ClosedXML's AdjustToContents needs libgdiplus,
/// measures unformatted values and is slow; counting characters is enough when CJK
/// (full-width) characters count double.
/// </summary>
public static class ColumnWidths
{
    public const double Minimum = 6;
    public const double Maximum = 60;

    /// <summary>Display width of a text in Excel character units.</summary>
    public static double Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return 0;
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += IsWide(rune.Value) ? 2 : 1;
        return width;
    }

    /// <summary>The width of a column that holds these texts, with padding, within sensible bounds.</summary>
    public static double Fit(IEnumerable<string?> texts) =>
        Math.Clamp(texts.Select(Of).DefaultIfEmpty(0).Max() + 2, Minimum, Maximum);

    private static bool IsWide(int codePoint) =>
        codePoint is >= 0x1100 and <= 0x115F // Hangul Jamo
            or >= 0x2E80 and <= 0xA4CF // CJK radicals … Yi
            or >= 0xAC00 and <= 0xD7A3 // Hangul syllables
            or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F // CJK compatibility forms
            or >= 0xFF00 and <= 0xFF60 // full-width forms
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x20000 and <= 0x3FFFD; // CJK extensions B+
}
