using System.Globalization;

namespace EvalSystem.Reports.Excel;

/// <summary>China has one time zone and no daylight saving time: every time in a report is Beijing time (UTC+8).</summary>
internal static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing clock time of <paramref name="value"/>, as Excel stores times (without a zone).</summary>
    public static DateTime Of(DateTimeOffset value) => value.ToOffset(Offset).DateTime;

    /// <summary>A <see cref="DateTime"/> in UTC moved to Beijing time; local and unspecified times are taken as they are.</summary>
    public static DateTime Of(DateTime value) => value.Kind == DateTimeKind.Utc ? value + Offset : value;

    public static DateOnly DateOf(DateTimeOffset value) => DateOnly.FromDateTime(Of(value));

    public static string Text(DateTimeOffset value) => Of(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
