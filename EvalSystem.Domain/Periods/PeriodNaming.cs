using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Periods;

public enum PeriodKind
{
    Year,
    Quarter,
    Month,
    Custom,
}

/// <summary>The dates and the conventional Chinese name of a year, quarter or month (2026年第一季度, 2026年3月).</summary>
public static class PeriodNaming
{
    public static (string Name, DateOnly Start, DateOnly End) For(PeriodKind kind, int year, int part = 1)
    {
        if (year is < 2000 or > 2100)
            throw new DomainException($"年份{year}不在2000–2100之间。");
        switch (kind)
        {
            case PeriodKind.Year:
                return ($"{year}年度", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            case PeriodKind.Quarter:
                if (part is < 1 or > 4)
                    throw new DomainException($"季度必须是1–4，收到{part}。");
                var start = new DateOnly(year, part * 3 - 2, 1);
                return ($"{year}年第{"一二三四"[part - 1]}季度", start, start.AddMonths(3).AddDays(-1));
            case PeriodKind.Month:
                if (part is < 1 or > 12)
                    throw new DomainException($"月份必须是1–12，收到{part}。");
                var month = new DateOnly(year, part, 1);
                return ($"{year}年{part}月", month, month.AddMonths(1).AddDays(-1));
            default:
                throw new DomainException("自定义周期请直接填写名称和起止日期。");
        }
    }
}
