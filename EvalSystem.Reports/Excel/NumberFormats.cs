namespace EvalSystem.Reports.Excel;

/// <summary>The Excel number formats of every report, so that a score or a date looks the same in every workbook.</summary>
public static class NumberFormats
{
    /// <summary>Scores, composite scores and contributions: two decimals.</summary>
    public const string Score = "0.00";

    /// <summary>Raw indicator values: thousands separators and two decimals.</summary>
    public const string Value = "#,##0.00";

    /// <summary>Fractions of 1 shown as percentages (weights, rates).</summary>
    public const string Percent = "0.0%";

    /// <summary>Ranks and counts.</summary>
    public const string Integer = "0";

    /// <summary>Points in time, in Beijing time.</summary>
    public const string DateTime = "yyyy-mm-dd hh:mm";

    public const string Date = "yyyy-mm-dd";

    /// <summary>Text cells: codes like "001" stay text when a user edits them.</summary>
    public const string Text = "@";

    /// <summary>Rank change (previous rank − rank): ↑2 in green, ↓1 in red, — for no change.</summary>
    public const string RankChange = "[Color10]\"↑\"0;[Red]\"↓\"0;\"—\"";
}
