using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Supervision;

/// <summary>
/// 督办任务按期完成率 as a computed measure: fills the indicators whose source is 督查督办 (e.g. DB-1) for every target of an
/// open period from <see cref="SupervisionMeasures.OnTimeCompletionRate(IEnumerable{SupervisionTask}, Guid, DateOnly, DateOnly)"/>.
/// A department target counts the tasks it is responsible for; a region target the tasks concerning its region and every
/// region below it. A target with no task due in the period keeps whatever value it has. Published periods never change.
/// </summary>
public sealed class SupervisionMeasureService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    /// <summary>计算按期完成率 on demand for one period (the office).</summary>
    public async Task<int> RefreshAsync(Guid periodId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new DomainException("评价周期不存在或已被删除。");
        if (period.Status is PeriodStatus.Published or PeriodStatus.Archived)
            throw new DomainException($"「{period.Name}」已发布，按期完成率不再更新。");
        return await WriteAsync(db, period, ct);
    }

    /// <summary>After a task was closed: every open period its deadline falls in.</summary>
    internal async Task RefreshForTaskUncheckedAsync(Guid taskId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deadline = await db.SupervisionTasks.Where(t => t.Id == taskId).Select(t => t.Deadline).SingleAsync(ct);
        var periods = await db.Periods
            .Where(p => p.Status != PeriodStatus.Published && p.Status != PeriodStatus.Archived && p.StartDate <= deadline && p.EndDate >= deadline)
            .ToListAsync(ct);
        foreach (var period in periods)
            await WriteAsync(db, period, ct);
    }

    /// <summary>The rate of every target of a period, without storing it (null when nothing was due).</summary>
    internal static async Task<IReadOnlyList<(Guid TargetId, Guid NodeId, double? Rate)>> ComputeAsync(EvalDbContext db, EvaluationPeriod period, CancellationToken ct)
    {
        var nodes = await db.IndicatorNodes.AsNoTracking()
            .Where(n => n.SystemId == period.IndicatorSystemId && n.Kind == NodeKind.Indicator && n.Source == IndicatorSource.Supervision)
            .Select(n => n.Id).ToListAsync(ct);
        if (nodes.Count == 0)
            return [];
        var result = new List<(Guid, Guid, double?)>();
        foreach (var (target, tasks) in await TasksByTargetAsync(db, period, ct))
        {
            var rate = SupervisionMeasures.OnTimeCompletionRate(tasks, period.StartDate, period.EndDate);
            foreach (var node in nodes)
                result.Add((target, node, rate));
        }
        return result;
    }

    /// <summary>
    /// 督办任务超期 units of the overdue penalty for every target of a period: the tasks due in the period that were closed
    /// late, or are still open with their deadline before <paramref name="asOf"/> (the day of the score run).
    /// </summary>
    internal static async Task<IReadOnlyDictionary<Guid, int>> OverdueCountsAsync(EvalDbContext db, EvaluationPeriod period, DateOnly asOf, CancellationToken ct) =>
        (await TasksByTargetAsync(db, period, ct))
            .ToDictionary(t => t.Key, t => SupervisionMeasures.OverdueCount(t.Value, period.StartDate, period.EndDate, asOf));

    /// <summary>
    /// The tasks due in the period that concern each target of the period's kind: a department target's tasks are those it is
    /// responsible for; a region target's those concerning its region and every region below it.
    /// </summary>
    private static async Task<Dictionary<Guid, List<SupervisionTask>>> TasksByTargetAsync(EvalDbContext db, EvaluationPeriod period, CancellationToken ct)
    {
        var tasks = await db.SupervisionTasks.AsNoTracking().Include(t => t.Extensions)
            .Where(t => t.Deadline >= period.StartDate && t.Deadline <= period.EndDate).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Kind == period.TargetKind).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        return targets.ToDictionary(t => t.Id, target =>
        {
            if (target.DepartmentId is { } department)
                return tasks.Where(t => t.DepartmentId == department).ToList();
            var codes = RegionCodesUnder(target.RegionId!.Value, regions);
            return tasks.Where(t => t.RegionCode is { } c && codes.Contains(c)).ToList();
        });
    }

    private async Task<int> WriteAsync(EvalDbContext db, EvaluationPeriod period, CancellationToken ct)
    {
        var values = await ComputeAsync(db, period, ct);
        var nodeIds = values.Select(v => v.NodeId).Distinct().ToList();
        var stored = await db.IndicatorValues.Where(v => v.PeriodId == period.Id && nodeIds.Contains(v.IndicatorNodeId))
            .ToDictionaryAsync(v => (v.TargetId, v.IndicatorNodeId), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var written = 0;
        foreach (var (targetId, nodeId, rate) in values)
        {
            if (rate is not { } number)
                continue;
            if (!stored.TryGetValue((targetId, nodeId), out var existing))
                db.IndicatorValues.Add(new IndicatorValue(period.Id, targetId, nodeId, number, ValueOrigin.Supervision, now));
            else if (existing.Value != number || existing.Origin != ValueOrigin.Supervision)
                existing.ReplaceComputed(number, ValueOrigin.Supervision, now);
            written++;
        }
        await db.SaveChangesAsync(ct);
        return written;
    }

    private static HashSet<string> RegionCodesUnder(Guid regionId, IReadOnlyList<Region> regions)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Guid>([regionId]);
        while (pending.TryDequeue(out var id))
        {
            codes.Add(regions.Single(r => r.Id == id).Code);
            foreach (var child in regions.Where(r => r.ParentId == id))
                pending.Enqueue(child.Id);
        }
        return codes;
    }
}
