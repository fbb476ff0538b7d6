using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Rankings;

/// <summary>A score run with its period, as the ranking needs it.</summary>
internal sealed record RankedRun(
    Guid RunId, Guid PeriodId, string PeriodName, DateOnly StartDate, TargetKind Kind, int Number, ScoreRunStatus Status,
    DateTime RunAtUtc, Guid SystemId, int TargetCount, int Draws, double Perturbation, string MethodHash);

/// <summary>
/// The ranking's SQL, shared by the page and the Excel export. Filtering, sorting and paging run in the database;
/// only the page's rows and their first-level scores are read.
/// </summary>
internal static class RankingReader
{
    // Scores are 0–100 and rank changes are small; missing values sort after every real one in both directions.
    private const double MissingScoreLast = 1e9;
    private const int MissingChangeLast = int.MaxValue;

    // Member initialisation (not a constructor) so that EF can keep composing the query.
    private sealed class RunAndPeriod
    {
        public required ScoreRun Run { get; init; }
        public required EvaluationPeriod Period { get; init; }
    }

    private static IQueryable<RunAndPeriod> RunsWithPeriods(EvalDbContext db) =>
        from r in db.ScoreRuns.AsNoTracking()
        join p in db.Periods.AsNoTracking() on r.PeriodId equals p.Id
        select new RunAndPeriod { Run = r, Period = p };

    // Only the columns the ranking needs: a run also holds its compressed inputs, which can be megabytes.
    private static IQueryable<RankedRun> Project(IQueryable<RunAndPeriod> runs) =>
        runs.Select(x => new RankedRun(x.Run.Id, x.Period.Id, x.Period.Name, x.Period.StartDate, x.Period.TargetKind, x.Run.Number, x.Run.Status,
            x.Run.RunAtUtc, x.Run.IndicatorSystemId, x.Run.TargetCount, x.Run.Draws, x.Run.Perturbation, x.Run.MethodHash));

    public static Task<RankedRun?> RunAsync(EvalDbContext db, Guid runId, CancellationToken ct) =>
        Project(RunsWithPeriods(db).Where(x => x.Run.Id == runId)).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Per period of the kind, newest first, the run its readers see: the newest published run, or for the office
    /// (<paramref name="seesUnpublished"/>) the newest run whether published or not — the dashboard's rule.
    /// </summary>
    public static async Task<List<RankedRun>> VisibleRunsAsync(EvalDbContext db, TargetKind kind, Guid? periodId, bool seesUnpublished, CancellationToken ct)
    {
        var runs = RunsWithPeriods(db).Where(x => x.Period.TargetKind == kind
            && (x.Run.Status == ScoreRunStatus.Published || (seesUnpublished && x.Run.Status == ScoreRunStatus.Computed)));
        if (periodId is { } id)
            runs = runs.Where(x => x.Period.Id == id);
        // A handful of runs per period: choosing the newest of each is simpler in memory than in SQL.
        return (await Project(runs).ToListAsync(ct))
            .GroupBy(r => r.PeriodId)
            .Select(g => g.MaxBy(r => r.Number)!)
            .OrderByDescending(r => r.StartDate).ThenByDescending(r => r.Number)
            .ToList();
    }

    public static async Task<RankingPage> ReadAsync(EvalDbContext db, RankedRun run, RankingRequest request, CancellationToken ct)
    {
        var firstLevel = await db.IndicatorNodes.AsNoTracking()
            .Where(n => n.SystemId == run.SystemId && n.Level == 1)
            .OrderBy(n => n.SortOrder)
            .Select(n => new { n.Id, n.Code, n.NameZh })
            .ToListAsync(ct);
        var info = new RankingRunInfo(run.RunId, run.PeriodId, run.PeriodName, run.Kind, run.Number, run.Status == ScoreRunStatus.Published,
            run.RunAtUtc, run.TargetCount, run.Draws, run.Perturbation, firstLevel.Select(f => new FirstLevelColumn(f.Code, f.NameZh)).ToList());

        var lines = Lines(db, run, request);
        var total = await lines.CountAsync(ct);
        if (total == 0)
            return new RankingPage([], 0, info);
        var sortNode = request.SortBy == RankingSort.FirstLevel ? firstLevel.FirstOrDefault(f => f.Code == request.SortIndicator)?.Id : null;
        var page = await Ordered(db, lines, run.RunId, request, sortNode)
            .Skip(request.PageIndex * request.PageSize)
            .Take(request.PageSize)
            .ToListAsync(ct);

        var targetIds = page.Select(l => l.TargetId).ToList();
        var groupIds = firstLevel.Select(f => f.Id).ToList();
        var groupScores = (await db.IndicatorScores.AsNoTracking()
                .Where(s => s.RunId == run.RunId && targetIds.Contains(s.TargetId) && groupIds.Contains(s.IndicatorNodeId))
                .Select(s => new { s.TargetId, s.IndicatorNodeId, s.Score })
                .ToListAsync(ct))
            .ToDictionary(s => (s.TargetId, s.IndicatorNodeId), s => s.Score);

        // Ties share a rank, so "top three" and "bottom three" are the ranks of the third best and third worst target.
        var scores = db.TargetScores.AsNoTracking().Where(s => s.RunId == run.RunId);
        var topCut = await scores.OrderBy(s => s.Rank).Skip(2).Select(s => (int?)s.Rank).FirstOrDefaultAsync(ct) ?? int.MaxValue;
        var bottomCut = await scores.OrderByDescending(s => s.Rank).Skip(2).Select(s => (int?)s.Rank).FirstOrDefaultAsync(ct) ?? int.MinValue;

        var items = page.Select(l => new RankingItem(l.TargetId, l.Code, l.Name, l.Rank, l.RankChange, l.Composite, l.CompositeChange, l.Rank5, l.Rank95,
                l.Rank <= topCut ? RankStanding.Top : l.Rank >= bottomCut ? RankStanding.Bottom : RankStanding.Middle,
                groupIds.Select(g => groupScores.GetValueOrDefault((l.TargetId, g))).ToList()))
            .ToList();
        return new RankingPage(items, total, info);
    }

    /// <summary>The run's targets of the request's kind, filtered by parent region or department kind; nothing is read yet.</summary>
    private static IQueryable<Line> Lines(EvalDbContext db, RankedRun run, RankingRequest request)
    {
        var scores = db.TargetScores.AsNoTracking().Where(s => s.RunId == run.RunId);
        var targets = db.Targets.AsNoTracking();
        if (run.Kind == TargetKind.Region)
        {
            var regions = db.Regions.AsNoTracking();
            if (request.ParentRegionId is { } parent)
                regions = regions.Where(r => r.ParentId == parent);
            return from s in scores
                   join t in targets on s.TargetId equals t.Id
                   join r in regions on t.RegionId equals (Guid?)r.Id
                   select new Line
                   {
                       TargetId = s.TargetId, Code = r.Code, Name = t.Name, Rank = s.Rank, RankChange = s.RankChange, Composite = s.Composite,
                       CompositeChange = s.CompositeChange, Rank5 = s.Rank5, Rank95 = s.Rank95,
                   };
        }

        var departments = db.Departments.AsNoTracking();
        if (request.DepartmentKind is { } kind)
            departments = departments.Where(d => d.Kind == kind);
        return from s in scores
               join t in targets on s.TargetId equals t.Id
               join d in departments on t.DepartmentId equals (Guid?)d.Id
               select new Line
               {
                   TargetId = s.TargetId, Code = d.Code, Name = t.Name, Rank = s.Rank, RankChange = s.RankChange, Composite = s.Composite,
                   CompositeChange = s.CompositeChange, Rank5 = s.Rank5, Rank95 = s.Rank95,
               };
    }

    private static IOrderedQueryable<Line> Ordered(EvalDbContext db, IQueryable<Line> lines, Guid runId, RankingRequest request, Guid? sortNode)
    {
        var descending = request.Descending;
        IOrderedQueryable<Line> ordered;
        if (sortNode is { } node)
        {
            // One index seek per target on the primary key (run, target, node).
            var nodeScores = db.IndicatorScores.AsNoTracking().Where(i => i.RunId == runId && i.IndicatorNodeId == node);
            ordered = descending
                ? lines.OrderByDescending(l => nodeScores.Where(i => i.TargetId == l.TargetId).Select(i => i.Score).FirstOrDefault() ?? -MissingScoreLast)
                : lines.OrderBy(l => nodeScores.Where(i => i.TargetId == l.TargetId).Select(i => i.Score).FirstOrDefault() ?? MissingScoreLast);
        }
        else
        {
            ordered = (request.SortBy, descending) switch
            {
                (RankingSort.Composite, false) => lines.OrderBy(l => l.Composite),
                (RankingSort.Composite, true) => lines.OrderByDescending(l => l.Composite),
                (RankingSort.Name, false) => lines.OrderBy(l => EF.Functions.Collate(l.Name, db.ChineseCollation)),
                (RankingSort.Name, true) => lines.OrderByDescending(l => EF.Functions.Collate(l.Name, db.ChineseCollation)),
                (RankingSort.RankChange, false) => lines.OrderBy(l => l.RankChange ?? MissingChangeLast),
                (RankingSort.RankChange, true) => lines.OrderByDescending(l => l.RankChange ?? -MissingChangeLast),
                (_, true) => lines.OrderByDescending(l => l.Rank),
                _ => lines.OrderBy(l => l.Rank),
            };
        }
        // Ties in the sort column fall back to the ranking; the id keeps pages stable.
        return ordered.ThenBy(l => l.Rank).ThenBy(l => l.Name).ThenBy(l => l.TargetId);
    }

    /// <summary>A row as the database returns it; a class with setters so that EF can sort and page after the projection.</summary>
    private sealed class Line
    {
        public Guid TargetId { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public int Rank { get; init; }
        public int? RankChange { get; init; }
        public double Composite { get; init; }
        public double? CompositeChange { get; init; }
        public double Rank5 { get; init; }
        public double Rank95 { get; init; }
    }
}
