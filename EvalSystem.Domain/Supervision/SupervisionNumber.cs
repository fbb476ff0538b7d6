using System.Globalization;
using System.Text.RegularExpressions;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Supervision;

/// <summary>
/// 督查编号 (一件一号): "DC-2026-0001" — the year the task was issued and its sequence within that year.
/// The sequence is padded to four digits and grows beyond them when a year needs more.
/// Stored as its text; uniqueness is the database's job (one number, one task).
/// </summary>
public readonly partial record struct SupervisionNumber
{
    public const string Prefix = "DC";
    public const int MaxSequence = 999_999;

    public SupervisionNumber(int year, int sequence)
    {
        if (year is < 2000 or > 2999)
            throw new DomainException($"督查编号的年份必须是2000–2999之间的四位年份，收到{year}。");
        if (sequence is < 1 or > MaxSequence)
            throw new DomainException($"督查编号的序号必须在1–{MaxSequence}之间，收到{sequence}。");
        Year = year;
        Sequence = sequence;
    }

    public int Year { get; }
    public int Sequence { get; }

    /// <summary>The first number of the year, or the one after <paramref name="latestOfYear"/> when the year already has tasks.</summary>
    public static SupervisionNumber Next(int year, SupervisionNumber? latestOfYear)
    {
        if (latestOfYear is not { } latest)
            return new SupervisionNumber(year, 1);
        if (latest.Year != year)
            throw new DomainException($"编号{latest}不是{year}年的编号，不能据此生成{year}年的下一个督查编号。");
        return new SupervisionNumber(year, latest.Sequence + 1);
    }

    public static SupervisionNumber Parse(string? text) =>
        TryParse(text, out var number)
            ? number
            : throw new DomainException($"督查编号「{text}」格式不正确，应为“{Prefix}-年份-序号”，例如 {Prefix}-2026-0001。");

    /// <summary>Accepts only the canonical spelling, so that one task never has two spellings of its number.</summary>
    public static bool TryParse(string? text, out SupervisionNumber number)
    {
        number = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
            return false;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var sequence = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2999 || sequence is < 1 or > MaxSequence)
            return false;
        var candidate = new SupervisionNumber(year, sequence);
        if (!string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
            return false;
        number = candidate;
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Sequence:D4}");

    [GeneratedRegex(@"^DC-(\d{4})-(\d{4,6})$")]
    private static partial Regex Pattern();
}
