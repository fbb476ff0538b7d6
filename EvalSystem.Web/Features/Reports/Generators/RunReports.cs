using EvalSystem.Domain.Common;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Rankings;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Reports.Generators;

/// <summary>A target of a score run with the code reports print: the region's GB/T 2260 code or the department's code.</summary>
internal sealed record RunTarget(Guid TargetId, string Code, string Name, int Rank, double Composite, double Rank5, double Rank95);

/// <summary>What the reports of one score run share: the run, its targets in rank order and the run's nodes.</summary>
internal static class RunReports
{
    public static async Task<RankedRun> RunAsync(EvalDbContext db, ReportParameters parameters, CancellationToken ct) =>
        await RankingReader.RunAsync(db, parameters.RunId ?? throw new DomainException("请选择评分批次。"), ct)
        ?? throw new DomainException("评分批次不存在或已被删除。");

    /// <summary>The run's targets in rank order; ties by name, then id, so that two generations list them alike.</summary>
    public static async Task<List<RunTarget>> TargetsAsync(EvalDbContext db, RankedRun run, Guid? onlyTarget, CancellationToken ct)
    {
        var scores = db.TargetScores.AsNoTracking().Where(s => s.RunId == run.RunId && (onlyTarget == null || s.TargetId == onlyTarget));
        var rows = await (from s in scores
                          join t in db.Targets.AsNoTracking() on s.TargetId equals t.Id
                          join r in db.Regions.AsNoTracking() on t.RegionId equals (Guid?)r.Id into regions
                          from r in regions.DefaultIfEmpty()
                          join d in db.Departments.AsNoTracking() on t.DepartmentId equals (Guid?)d.Id into departments
                          from d in departments.DefaultIfEmpty()
                          select new { s.TargetId, RegionCode = r == null ? null : r.Code, DepartmentCode = d == null ? null : d.Code, t.Name, s.Rank, s.Composite, s.Rank5, s.Rank95 })
            .ToListAsync(ct);
        return rows
            .Select(x => new RunTarget(x.TargetId, (run.Kind == TargetKind.Region ? x.RegionCode : x.DepartmentCode) ?? x.RegionCode ?? x.DepartmentCode ?? "", x.Name,
                x.Rank, x.Composite, x.Rank5, x.Rank95))
            .OrderBy(t => t.Rank).ThenBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.TargetId)
            .ToList();
    }

    /// <summary>The run's indicator tree in pre-order (siblings by sort order, then code).</summary>
    public static async Task<List<Domain.Indicators.IndicatorNode>> NodesAsync(EvalDbContext db, RankedRun run, CancellationToken ct)
    {
        var nodes = await db.IndicatorNodes.AsNoTracking().Where(n => n.SystemId == run.SystemId).ToListAsync(ct);
        var children = nodes.ToLookup(n => n.ParentId);
        var ordered = new List<Domain.Indicators.IndicatorNode>(nodes.Count);
        void Add(Guid? parent)
        {
            foreach (var node in children[parent].OrderBy(n => n.SortOrder).ThenBy(n => n.Code, StringComparer.Ordinal))
            {
                ordered.Add(node);
                Add(node.Id);
            }
        }
        Add(null);
        return ordered;
    }

    public static string RunLabel(RankedRun run) =>
        $"第{run.Number}次计算{(run.Status == ScoreRunStatus.Published ? "" : "，未发布")}";
}
