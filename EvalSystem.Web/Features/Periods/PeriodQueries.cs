using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Periods;

public sealed record RunSummary(Guid Id, int Number, ScoreRunStatus Status, DateTime RunAtUtc, string RunBy, string MethodHash, string InputHash);

public sealed record PeriodOverview(
    Guid Id, string Name, PeriodStatus Status, string SystemName, int SystemVersion, DateOnly StartDate, DateOnly EndDate,
    DateTime? SubmissionDeadlineUtc, IReadOnlyList<RunSummary> Runs)
{
    /// <summary>
    /// How many departments have their own deadline in this period that extends it (部门单独截止): later than the period's, the
    /// same rule as <see cref="EvaluationPeriod.DeadlineFor"/>. Own deadlines the period's has caught up with are not counted.
    /// </summary>
    public int OwnDeadlineCount { get; init; }
    public bool CanCompute => Status is PeriodStatus.Reviewing or PeriodStatus.Scored;
    public RunSummary? LatestRun => Runs.Count > 0 ? Runs[0] : null;
    public bool CanPublishLatest => Status == PeriodStatus.Scored && LatestRun is { Status: ScoreRunStatus.Computed };
}

/// <summary>评价周期 overview: every period with its system version and its score runs, newest first.</summary>
public sealed class PeriodQueries(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access)
{
    public async Task<IReadOnlyList<PeriodOverview>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewPeriods, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await (from p in db.Periods.AsNoTracking()
                             join s in db.IndicatorSystems.AsNoTracking() on p.IndicatorSystemId equals s.Id
                             orderby p.StartDate descending
                             select new { Period = p, s.Name, s.Version }).ToListAsync(ct);
        var runs = (await db.ScoreRuns.AsNoTracking()
                .Select(r => new { r.PeriodId, Summary = new RunSummary(r.Id, r.Number, r.Status, r.RunAtUtc, r.RunByName, r.MethodHash, r.InputHash) })
                .ToListAsync(ct))
            .ToLookup(r => r.PeriodId, r => r.Summary);
        var ownDeadlines = await (from d in db.Set<PeriodDepartmentDeadline>().AsNoTracking()
                                  join p in db.Periods on d.PeriodId equals p.Id
                                  where p.SubmissionDeadlineUtc == null || d.DeadlineUtc > p.SubmissionDeadlineUtc
                                  group d by d.PeriodId into g
                                  select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return periods.Select(x => new PeriodOverview(x.Period.Id, x.Period.Name, x.Period.Status, x.Name, x.Version,
                x.Period.StartDate, x.Period.EndDate, x.Period.SubmissionDeadlineUtc,
                runs[x.Period.Id].OrderByDescending(r => r.Number).ToList())
            { OwnDeadlineCount = ownDeadlines.GetValueOrDefault(x.Period.Id) })
            .ToList();
    }
}
