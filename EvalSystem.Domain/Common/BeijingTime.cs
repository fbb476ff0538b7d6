using System.Globalization;

namespace EvalSystem.Domain.Common;

/// <summary>
/// China has one time zone and no daylight saving time: every time a user reads or enters is Beijing time (UTC+8), whatever
/// the server's own time zone is. Instants are stored in UTC; pages, messages and workbooks show them through this class,
/// and a time entered in a date picker is a Beijing wall-clock time converted with <see cref="ToUtc"/>.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing clock time of <paramref name="value"/>, as Excel stores times (without a zone).</summary>
    public static DateTime Of(DateTimeOffset value) => value.ToOffset(Offset).DateTime;

    /// <summary>A <see cref="DateTime"/> in UTC moved to Beijing time; local and unspecified times are taken as they are.</summary>
    public static DateTime Of(DateTime value) => value.Kind == DateTimeKind.Utc ? value + Offset : value;

    public static DateOnly DateOf(DateTimeOffset value) => DateOnly.FromDateTime(Of(value));

    public static string Text(DateTimeOffset value) => Of(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The Beijing clock time of a stored instant. Stored times are UTC (an unspecified kind is read as UTC, as the database
    /// hands them back); a local time is converted to UTC first.
    /// </summary>
    public static DateTime FromUtc(DateTime instant) =>
        DateTime.SpecifyKind((instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : instant) + Offset, DateTimeKind.Unspecified);

    /// <inheritdoc cref="FromUtc(DateTime)"/>
    public static DateTime? FromUtc(DateTime? instant) => instant is { } value ? FromUtc(value) : null;

    /// <summary>The UTC instant of a Beijing clock time, such as a deadline entered in a date picker (its kind is ignored).</summary>
    public static DateTime ToUtc(DateTime beijing) => DateTime.SpecifyKind(beijing - Offset, DateTimeKind.Utc);

    /// <summary>A stored instant as Beijing time text, e.g. "2026-12-10 17:00".</summary>
    public static string Text(DateTime instant, string format = "yyyy-MM-dd HH:mm") =>
        FromUtc(instant).ToString(format, CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Text(DateTime, string)"/>
    public static string? Text(DateTime? instant, string format = "yyyy-MM-dd HH:mm") => instant is { } value ? Text(value, format) : null;

    /// <summary>The current time in Beijing, with its offset.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(Offset);
    }

    /// <summary>Today's date in Beijing: what deadlines counted in days are compared with.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(Now(clock));
}
