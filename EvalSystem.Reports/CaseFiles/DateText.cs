using System.Globalization;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// Reads the times written in case and rating files, without allocating:
/// <c>yyyy-MM-dd[ HH:mm[:ss[.fffffff]]]</c>, the same with <c>/</c> (<c>yyyy/M/d H:mm</c>, as Excel writes CSV), and
/// ISO 8601 (<c>2025-03-04T09:30:00</c>, optionally <c>Z</c> or an offset such as <c>+08:00</c>, then converted to
/// Beijing time). Month, day and hour may have one or two digits. A time without an offset is taken as Beijing time.
/// </summary>
internal static class DateText
{
    public const string Expected = "应为 yyyy-MM-dd HH:mm[:ss]（如 2025-03-04 09:30）、yyyy/M/d H:mm 或 ISO 8601（如 2025-03-04T09:30:00+08:00）";

    public const string Format = "yyyy-MM-dd HH:mm";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Null on success, otherwise why the text is not a time (a phrase to follow the quoted text).</summary>
    public static string? TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        var p = 0;
        if (!Digits(text, ref p, 4, 4, out var year))
            return Unreadable;
        if (p >= text.Length || text[p] is not ('-' or '/'))
            return Unreadable;
        var separator = text[p++];
        if (!Digits(text, ref p, 1, 2, out var month) || p >= text.Length || text[p++] != separator
            || !Digits(text, ref p, 1, 2, out var day))
            return Unreadable;

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        TimeSpan? offset = null;
        if (p < text.Length)
        {
            var iso = text[p] == 'T';
            if (!iso && text[p] != ' ')
                return Unreadable;
            while (++p < text.Length && text[p] == ' ')
            {
            }
            if (!Digits(text, ref p, 1, 2, out hour) || p >= text.Length || text[p++] != ':' || !Digits(text, ref p, 2, 2, out minute))
                return Unreadable;
            if (p < text.Length && text[p] == ':')
            {
                p++;
                if (!Digits(text, ref p, 2, 2, out second))
                    return Unreadable;
                if (p < text.Length && text[p] == '.')
                {
                    p++;
                    var start = p;
                    if (!Digits(text, ref p, 1, 7, out var fraction))
                        return Unreadable;
                    fractionTicks = fraction;
                    for (var n = p - start; n < 7; n++)
                        fractionTicks *= 10;
                }
            }
            if (p < text.Length)
            {
                if (text[p] == 'Z' && p == text.Length - 1)
                {
                    offset = TimeSpan.Zero;
                    p++;
                }
                else if (text[p] is '+' or '-')
                {
                    var sign = text[p++] == '-' ? -1 : 1;
                    // +08:00 or +0800.
                    if (!Digits(text, ref p, 2, 2, out var oh, digitMayFollow: true))
                        return Unreadable;
                    if (p < text.Length && text[p] == ':')
                        p++;
                    if (!Digits(text, ref p, 2, 2, out var om) || oh > 14 || om > 59)
                        return Unreadable;
                    offset = sign * new TimeSpan(oh, om, 0);
                }
                if (p != text.Length)
                    return Unreadable;
            }
        }

        if (year is < 1900 or > 2099)
            return $"年份{year}超出范围（1900–2099），请检查是否输错";
        if (month is < 1 or > 12)
            return $"日期不存在：月份应为1–12，收到{month}月";
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
            return day < 1 ? "日期不存在：日应从1开始" : $"日期不存在：{year}年{month}月只有{days}天";
        if (hour > 23 || minute > 59 || second > 59)
            return $"时间不存在：时应为0–23、分和秒应为0–59，收到{hour}:{minute:00}:{second:00}";

        value = new DateTime(year, month, day, hour, minute, second).AddTicks(fractionTicks);
        if (offset is { } o && o != Beijing)
            value = new DateTimeOffset(value, o).ToOffset(Beijing).DateTime;
        return null;
    }

    /// <summary>An Excel serial date (days since 1899-12-30) as a time, rounded to the second as Excel shows it.</summary>
    public static bool TryFromExcelSerial(double serial, out DateTime value)
    {
        value = default;
        // 1900-01-01 .. 2099-12-31, the same range as written times.
        if (!double.IsFinite(serial) || serial < 2 || serial >= 73051)
            return false;
        value = RoundToSecond(DateTime.FromOADate(serial));
        return true;
    }

    /// <summary>Excel stores times as fractions of a day; what it shows is the nearest second.</summary>
    public static DateTime RoundToSecond(DateTime value) =>
        new((value.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);

    public static string Write(DateTime value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerMinute == 0 ? Format : "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private const string Unreadable = $"不是可识别的时间，{Expected}";

    private static bool Digits(ReadOnlySpan<char> text, ref int p, int min, int max, out int value, bool digitMayFollow = false)
    {
        value = 0;
        var start = p;
        while (p < text.Length && p - start < max && char.IsAsciiDigit(text[p]))
            value = value * 10 + (text[p++] - '0');
        // More digits than allowed (e.g. a five-digit year) is not this format either.
        return p - start >= min && (digitMayFollow || p >= text.Length || !char.IsAsciiDigit(text[p]));
    }
}
