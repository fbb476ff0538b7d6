namespace EvalSystem.Reports.Excel;

/// <summary>
/// Hands out worksheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an
/// apostrophe, not "History", and unique within the workbook ignoring case. A clash gets a numbered suffix: 东城区 (2).
/// </summary>
public sealed class SheetNames
{
    public const int MaxLength = 31;

    private static readonly char[] Illegal = [':', '\\', '/', '?', '*', '[', ']'];
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="reserved">Names already taken, e.g. 目录 and 计算方法.</param>
    public SheetNames(IEnumerable<string>? reserved = null)
    {
        foreach (var name in reserved ?? [])
            _used.Add(name);
    }

    /// <summary>A legal, not yet used name as close to <paramref name="wanted"/> as possible; remembered as used.</summary>
    public string Next(string wanted)
    {
        var clean = Clean(wanted);
        var name = clean;
        for (var n = 2; !_used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = Truncate(clean, MaxLength - suffix.Length).TrimEnd('\'') + suffix;
        }

        return name;
    }

    /// <summary><paramref name="wanted"/> made legal (not checked for uniqueness).</summary>
    public static string Clean(string? wanted)
    {
        var chars = (wanted ?? string.Empty).Select(c => Array.IndexOf(Illegal, c) >= 0 || char.IsControl(c) ? '_' : c).ToArray();
        var name = Truncate(new string(chars).Trim(), MaxLength).Trim('\'').Trim();
        if (name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase))
            name = "Sheet" + (name.Length == 0 ? string.Empty : "_" + name);
        return name;
    }

    private static string Truncate(string text, int length)
    {
        if (text.Length <= length)
            return text;
        // Never cut a surrogate pair in half: Excel would refuse the name.
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut];
    }
}
