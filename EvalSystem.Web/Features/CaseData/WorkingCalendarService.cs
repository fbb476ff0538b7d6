using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Common;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.CaseData;

/// <summary>One year of the working-day calendar as the admin page shows it.</summary>
public sealed record CalendarYear(int Year, bool Official, string? Source, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// 工作日历: the official holiday schedules shipped with the product (2024–2026) and the years an administrator adds. Approval
/// times and rectification deadlines are counted with it; a year without a schedule is refused rather than guessed.
/// </summary>
public sealed class WorkingCalendarService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access)
{
    /// <summary>The calendar built from every stored year (no authorization: it is reference data used by computations).</summary>
    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CalendarAsync(db, ct);
    }

    internal static async Task<WorkingDayCalendar> CalendarAsync(EvalDbContext db, CancellationToken ct)
    {
        var rows = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return new WorkingDayCalendar(rows.Select(r => r.ToDomain()), rows.Select(r => r.Year).Distinct());
    }

    public async Task<IReadOnlyList<CalendarYear>> YearsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.Administer, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => new CalendarYear(g.Key, ChinaOfficialHolidays.Years.Contains(g.Key),
                ChinaOfficialHolidays.Years.Contains(g.Key) ? ChinaOfficialHolidays.SourceOf(g.Key) : null,
                g.OrderBy(r => r.Date).Select(r => r.ToDomain()).ToList()))
            .ToList();
    }

    /// <summary>
    /// Stores the schedule of a year that is not shipped with the product (replacing what was entered for it before). The
    /// whole year is checked first; any problem refuses it with every reason and stores nothing.
    /// </summary>
    public async Task SaveYearAsync(int year, IReadOnlyList<CalendarDay> days, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.Administer, ct);
        if (ChinaOfficialHolidays.Years.Contains(year))
            throw new DomainException($"{year}年的节假日安排是随系统发布的国务院办公厅通知数据，不能在此修改。");
        var problems = WorkingDayCalendar.Validate(year, days);
        if (problems.Count > 0)
            throw new DomainException($"{year}年的节假日安排有误：{string.Join("；", problems)}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.Year == year).ToListAsync(ct));
        db.CalendarDays.AddRange(days.Select(d => new CalendarDayRow { Year = year, Date = d.Date, Kind = d.Kind, Name = d.Name.Trim() }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the shipped official schedules that the database does not have yet (start-up; idempotent).</summary>
    internal static async Task EnsureOfficialYearsAsync(EvalDbContext db, CancellationToken ct)
    {
        var present = await db.CalendarDays.Select(d => d.Year).Distinct().ToListAsync(ct);
        foreach (var year in ChinaOfficialHolidays.Years.Except(present))
            db.CalendarDays.AddRange(ChinaOfficialHolidays.ForYear(year).Select(d => new CalendarDayRow { Year = year, Date = d.Date, Kind = d.Kind, Name = d.Name }));
        await db.SaveChangesAsync(ct);
    }
}
