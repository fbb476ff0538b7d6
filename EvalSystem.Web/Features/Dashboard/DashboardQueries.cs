using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EvalSystem.Web.Features.Dashboard;

/// <summary>驾驶舱 data: the newest scored period the user may see, or the newest period with values before any scoring.</summary>
public sealed class DashboardQueries(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, IOptions<DashboardOptions> options, TimeProvider clock,
    IMemoryCache cache)
{
    /// <summary>The runs the user may choose: every published run, and for the office the newest unpublished one too.</summary>
    public async Task<IReadOnlyList<RunOption>> RunsAsync(CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewDashboard, ct);
        var seesUnpublished = await access.AllowsAsync(user, Policies.ManagePeriods);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await VisibleRuns(db, seesUnpublished, TargetKind.Region).Select(r => new { r.Id, r.Number, r.Status, r.PeriodId }).ToListAsync(ct);
        var names = await db.Periods.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        // One run per period: the published one, or (office) the newest computed one of a period not yet published.
        return runs.GroupBy(r => r.PeriodId)
            .Select(g => g.FirstOrDefault(r => r.Status == ScoreRunStatus.Published) ?? g.First())
            .Select(r => new RunOption(r.Id, names[r.PeriodId], r.Number, r.Status == ScoreRunStatus.Published))
            .ToList();
    }

    public async Task<DashboardView?> GetAsync(Guid? runId = null, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewDashboard, ct);
        var seesUnpublished = await access.AllowsAsync(user, Policies.ManagePeriods);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var run = await VisibleRuns(db, seesUnpublished, TargetKind.Region).Where(r => runId == null || r.Id == runId).FirstOrDefaultAsync(ct);
        if (runId is { } asked && run is null)
            await access.RefuseAsync(user, nameof(ScoreRun), asked.ToString(), "该计算批次不存在或尚未发布。", ct);
        var period = run is not null
            ? await db.Periods.AsNoTracking().SingleAsync(p => p.Id == run.PeriodId, ct)
            : await db.Periods.AsNoTracking()
                .Where(p => p.TargetKind == TargetKind.Region && db.IndicatorValues.Any(v => v.PeriodId == p.Id))
                .OrderByDescending(p => p.StartDate).FirstOrDefaultAsync(ct);
        if (period is null)
            return null;
        var previous = await db.Periods.AsNoTracking()
            .Where(p => p.TargetKind == TargetKind.Region && p.StartDate < period.StartDate && db.IndicatorValues.Any(v => v.PeriodId == p.Id))
            .OrderByDescending(p => p.StartDate).FirstOrDefaultAsync(ct);

        var scores = run is null ? null : await ScoreBoardAsync(db, run, period.Name, () => RegionTargetsAsync(db, ct), ct);
        // The regions the page lists, by code: every region, or in a large city those the ranking lists (its top and
        // bottom ten), taken from the board rather than read again.
        var regions = scores is { IsShortened: true }
            ? scores.Shown.Select(r => (r.TargetId, r.Code, r.Name)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList()
            : await RegionTargetsAsync(db, ct);

        var codes = options.Value.HeadlineIndicators;
        var nodes = (await db.IndicatorNodes.AsNoTracking()
                .Where(n => n.SystemId == period.IndicatorSystemId && codes.Contains(n.Code))
                .ToListAsync(ct))
            .OrderBy(n => Array.IndexOf(codes, n.Code))
            .ToList();
        var indicators = nodes
            .Select(n => new HeadlineIndicator(n.Code, n.NameZh, n.Unit ?? "", n.Direction ?? IndicatorDirection.HigherIsBetter, n.WarningValue, n.AdvancedValue))
            .ToList();
        var regionIds = regions.Select(r => r.TargetId).ToList();
        var latestValues = await ValuesByCodeAsync(db, period.Id, codes, regionIds, ct);
        var rows = regions
            .Select(r => new RegionValues(r.Code, r.Name,
                indicators.Select(i => latestValues.TryGetValue((r.TargetId, i.Code), out var v) ? v : (double?)null).ToList()))
            .ToList();
        var averages = await AveragesByCodeAsync(db, period.Id, codes, ct);
        var previousAverages = previous is null ? [] : await AveragesByCodeAsync(db, previous.Id, codes, ct);
        var summaries = indicators
            .Select(i => new HeadlineSummary(i, averages.GetValueOrDefault(i.Code), previousAverages.GetValueOrDefault(i.Code)))
            .ToList();

        var trend = run is null ? null : await TrendAsync(db, run, seesUnpublished, scores!.Shown.Select(r => (r.TargetId, r.Name)).ToList(), ct);
        var kpis = await KpisAsync(db, scores, trend, BeijingTime.Today(clock), ct);
        var departments = await DepartmentBoardAsync(db, seesUnpublished, period.StartDate, ct);
        var own = user.GetDepartmentId() is { } departmentId ? await OwnScoreAsync(db, departmentId, ct) : null;
        return new DashboardView(period.Name, EvaluationPeriod.Label(period.Status), previous?.Name, indicators, summaries, rows, scores, run?.Id, kpis, trend,
            departments, own, await access.AllowsAsync(user, Policies.ViewPeriods));
    }

    /// <summary>The department assessment (部门考核) next to the regions: the newest visible department run that started by the shown period.</summary>
    private async Task<ScoreBoard?> DepartmentBoardAsync(EvalDbContext db, bool seesUnpublished, DateOnly shownStart, CancellationToken ct)
    {
        var run = await (from r in VisibleRuns(db, seesUnpublished, TargetKind.Department)
                         join p in db.Periods on r.PeriodId equals p.Id
                         where p.StartDate <= shownStart
                         select new { Run = r, p.Name }).FirstOrDefaultAsync(ct);
        return run is null ? null : await ScoreBoardAsync(db, run.Run, run.Name, () => DepartmentTargetsAsync(db, ct), ct);
    }

    /// <summary>A department user's own composite and rank in the newest published department run that scored it.</summary>
    private async Task<OwnScore?> OwnScoreAsync(EvalDbContext db, Guid departmentId, CancellationToken ct)
    {
        var found = await (from r in VisibleRuns(db, seesUnpublished: false, TargetKind.Department)
                           join p in db.Periods on r.PeriodId equals p.Id
                           join s in db.TargetScores on r.Id equals s.RunId
                           join t in db.Targets on s.TargetId equals t.Id
                           where t.DepartmentId == departmentId
                           select new { Run = r, p.Name, TargetId = t.Id }).FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var board = await ScoreBoardAsync(db, found.Run, found.Name, () => DepartmentTargetsAsync(db, ct), ct);
        return new OwnScore(found.Name, found.Run.Id, board.Rows.Single(r => r.TargetId == found.TargetId), board.Rows.Count);
    }

    private static async Task<List<(Guid TargetId, string Code, string Name)>> DepartmentTargetsAsync(EvalDbContext db, CancellationToken ct) =>
        (await (from t in db.Targets.AsNoTracking()
                join d in db.Departments.AsNoTracking() on t.DepartmentId equals d.Id
                where t.Kind == TargetKind.Department
                select new { t.Id, d.Code, d.Name }).ToListAsync(ct))
        .Select(d => (d.Id, d.Code, d.Name))
        .ToList();

    /// <summary>
    /// Composites of the listed regions in the visible runs up to the shown one, one run per period (the published one first),
    /// and the city average of every run, summed in SQL.
    /// </summary>
    private static async Task<CompositeTrend> TrendAsync(EvalDbContext db, RunHead shown, bool seesUnpublished,
        List<(Guid TargetId, string Name)> regions, CancellationToken ct)
    {
        var shownStart = await db.Periods.Where(p => p.Id == shown.PeriodId).Select(p => p.StartDate).SingleAsync(ct);
        var runs = (await (from r in db.ScoreRuns.AsNoTracking()
                           join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
                           where p.TargetKind == TargetKind.Region && p.StartDate <= shownStart
                                 && (r.Status == ScoreRunStatus.Published || (seesUnpublished && r.Id == shown.Id))
                           orderby p.StartDate, r.Number descending
                           select new { r.Id, r.PeriodId, p.Name, p.StartDate, Shown = r.Id == shown.Id }).ToListAsync(ct))
            .GroupBy(r => r.PeriodId)
            .Select(g => g.FirstOrDefault(r => r.Shown) ?? g.First())
            .OrderBy(r => r.StartDate)
            .TakeLast(8)
            .ToList();
        var runIds = runs.Select(r => r.Id).ToList();
        var regionIds = regions.Select(r => r.TargetId).ToList();
        var composites = (await db.TargetScores.AsNoTracking()
                .Where(s => runIds.Contains(s.RunId) && regionIds.Contains(s.TargetId))
                .Select(s => new { s.RunId, s.TargetId, s.Composite })
                .ToListAsync(ct))
            .ToDictionary(s => (s.RunId, s.TargetId), s => s.Composite);
        var averages = await db.TargetScores.AsNoTracking()
            .Where(s => runIds.Contains(s.RunId))
            .GroupBy(s => s.RunId)
            .Select(g => new { g.Key, Average = g.Average(s => s.Composite) })
            .ToDictionaryAsync(g => g.Key, g => g.Average, ct);
        return new CompositeTrend(runs.Select(r => r.Name).ToList(),
            regions.Select(t => (t.Name, (IReadOnlyList<double?>)runs.Select(r => composites.TryGetValue((r.Id, t.TargetId), out var c) ? c : (double?)null).ToList())).ToList(),
            runs.Select(r => averages.TryGetValue(r.Id, out var a) ? a : (double?)null).ToList());
    }

    private static async Task<List<(Guid TargetId, string Code, string Name)>> RegionTargetsAsync(EvalDbContext db, CancellationToken ct) =>
        (await (from t in db.Targets.AsNoTracking()
                join r in db.Regions.AsNoTracking() on t.RegionId equals r.Id
                where t.Kind == TargetKind.Region
                orderby r.Code
                select new { t.Id, r.Code, r.Name }).ToListAsync(ct))
        .Select(r => (r.Id, r.Code, r.Name))
        .ToList();

    private static async Task<CityKpis> KpisAsync(EvalDbContext db, ScoreBoard? scores, CompositeTrend? trend, DateOnly today, CancellationToken ct)
    {
        var average = scores is { Rows.Count: > 0 } ? scores.Rows.Average(r => r.Composite) : (double?)null;
        var previous = trend is { Periods.Count: > 1 } ? trend.CityAverage[^2] : null;
        var open = await db.RectificationItems.AsNoTracking().Where(i => i.Status != Domain.Ratings.RectificationStatus.Closed).Select(i => i.Deadline).ToListAsync(ct);
        return new CityKpis(average, previous, open.Count, open.Count(d => d < today));
    }

    /// <summary>
    /// Runs of one target kind the user may see, newest period and run first: published ones, and for the office computed ones
    /// too. Only the columns the dashboard needs: a run row also holds its complete input (megabytes for a large city).
    /// </summary>
    private static IQueryable<RunHead> VisibleRuns(EvalDbContext db, bool seesUnpublished, TargetKind kind) =>
        from r in db.ScoreRuns.AsNoTracking()
        join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
        where p.TargetKind == kind
              && (r.Status == ScoreRunStatus.Published || (seesUnpublished && r.Status == ScoreRunStatus.Computed))
        orderby p.StartDate descending, r.Number descending
        select new RunHead { Id = r.Id, PeriodId = r.PeriodId, IndicatorSystemId = r.IndicatorSystemId, Number = r.Number, Status = r.Status, RunAtUtc = r.RunAtUtc };

    /// <summary>A run without its stored input. Settable properties, so that EF can filter and join after the projection.</summary>
    private sealed class RunHead
    {
        public Guid Id { get; init; }
        public Guid PeriodId { get; init; }
        public Guid IndicatorSystemId { get; init; }
        public int Number { get; init; }
        public ScoreRunStatus Status { get; init; }
        public DateTime RunAtUtc { get; init; }
    }

    /// <summary>
    /// A run's ranking. The stored results of a run never change, so the board is kept in memory per run and status
    /// (publishing changes the status, hence the key): the dashboard of a large city is built from the database once.
    /// </summary>
    private Task<ScoreBoard> ScoreBoardAsync(EvalDbContext db, RunHead run, string periodName,
        Func<Task<List<(Guid TargetId, string Code, string Name)>>> targets, CancellationToken ct) =>
        cache.GetOrCreateAsync((nameof(ScoreBoard), run.Id, run.Status), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return await BuildScoreBoardAsync(db, run, periodName, await targets(), ct);
        })!;

    private static async Task<ScoreBoard> BuildScoreBoardAsync(EvalDbContext db, RunHead run, string periodName,
        List<(Guid TargetId, string Code, string Name)> targets, CancellationToken ct)
    {
        var groups = await db.IndicatorNodes.AsNoTracking()
            .Where(n => n.SystemId == run.IndicatorSystemId && n.Level == 1)
            .OrderBy(n => n.SortOrder)
            .Select(n => new { n.Id, n.NameZh })
            .ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var results = await db.TargetScores.AsNoTracking().Where(s => s.RunId == run.Id).ToDictionaryAsync(s => s.TargetId, ct);
        var ranked = targets
            .Where(t => results.ContainsKey(t.TargetId))
            .OrderBy(t => results[t.TargetId].Rank).ThenBy(t => t.Code, StringComparer.Ordinal)
            .ToList();

        // First-level scores are read for the targets the dashboard lists (a seek each); their city averages were stored with the run.
        var shownIds = ScoreBoard.ShownOf(ranked).Select(t => t.TargetId).ToList();
        var groupScores = (await db.IndicatorScores.AsNoTracking()
                .Where(s => s.RunId == run.Id && shownIds.Contains(s.TargetId) && groupIds.Contains(s.IndicatorNodeId))
                .Select(s => new { s.TargetId, s.IndicatorNodeId, s.Score })
                .ToListAsync(ct))
            .ToDictionary(s => (s.TargetId, s.IndicatorNodeId), s => s.Score);
        var averages = await db.RunNodeAverages.AsNoTracking()
            .Where(a => a.RunId == run.Id && groupIds.Contains(a.IndicatorNodeId))
            .ToDictionaryAsync(a => a.IndicatorNodeId, a => a.Average, ct);

        var shown = shownIds.ToHashSet();
        var rows = ranked
            .Select(r =>
            {
                var s = results[r.TargetId];
                IReadOnlyList<double?> scores = shown.Contains(r.TargetId) ? groupIds.Select(g => groupScores.GetValueOrDefault((r.TargetId, g))).ToList() : [];
                return new RankingRow(r.TargetId, r.Code, r.Name, s.Rank, s.Composite, s.CompositeChange, s.RankChange, s.Rank5, s.Rank95, scores);
            })
            .ToList();
        return new ScoreBoard(run.Number, run.Status == ScoreRunStatus.Published, run.RunAtUtc, groups.Select(g => g.NameZh).ToList(), rows, run.Id, periodName,
            groupIds.Select(g => averages.GetValueOrDefault(g)).ToList());
    }

    /// <summary>Values of a period for some targets, keyed by target and indicator code (periods may use different system versions).</summary>
    private static async Task<Dictionary<(Guid TargetId, string Code), double>> ValuesByCodeAsync(EvalDbContext db, Guid periodId, string[] codes,
        List<Guid> targetIds, CancellationToken ct) =>
        (await (from v in db.IndicatorValues.AsNoTracking()
                join n in db.IndicatorNodes.AsNoTracking() on v.IndicatorNodeId equals n.Id
                where v.PeriodId == periodId && codes.Contains(n.Code) && targetIds.Contains(v.TargetId)
                select new { v.TargetId, n.Code, v.Value }).ToListAsync(ct))
            .ToDictionary(v => (v.TargetId, v.Code), v => v.Value);

    /// <summary>The average over every target of each headline indicator in a period, summed in SQL.</summary>
    private static async Task<Dictionary<string, double>> AveragesByCodeAsync(EvalDbContext db, Guid periodId, string[] codes, CancellationToken ct) =>
        await (from v in db.IndicatorValues.AsNoTracking()
               join n in db.IndicatorNodes.AsNoTracking() on v.IndicatorNodeId equals n.Id
               where v.PeriodId == periodId && codes.Contains(n.Code)
               group v by n.Code into g
               select new { Code = g.Key, Average = g.Average(v => v.Value) }).ToDictionaryAsync(g => g.Code, g => g.Average, ct);
}
