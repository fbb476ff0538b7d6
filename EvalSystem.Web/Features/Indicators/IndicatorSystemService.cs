using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Indicators;

/// <summary>
/// Editing indicator systems (evaluation office only). A published version is frozen: editing starts the next
/// draft version, so periods pinned to the published version keep their method and their scores.
/// </summary>
public sealed class IndicatorSystemService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    public Task<Guid> AddAsync(Guid systemId, NodeForm form, CancellationToken ct = default) =>
        EditAsync(systemId, system =>
        {
            var parent = form.ParentId is { } p ? system.Nodes.Single(n => n.Id == p) : null;
            var node = form.Kind == NodeKind.Group
                ? system.AddGroup(form.Code.Trim(), form.NameZh, form.NameEn, form.Weight, parent)
                : system.AddIndicator(parent ?? throw new DomainException("指标必须放在某个分组之下。"), form.Code.Trim(), form.NameZh, form.NameEn, form.Weight, form.ToDefinition());
            return node.Id;
        }, ct);

    public Task UpdateAsync(Guid systemId, Guid nodeId, NodeForm form, CancellationToken ct = default) =>
        EditAsync(systemId, system =>
        {
            var node = system.Nodes.Single(n => n.Id == nodeId);
            system.Update(node, form.NameZh, form.NameEn, form.Weight, node.IsIndicator ? form.ToDefinition() : null);
            if (form.ParentId != node.ParentId)
                system.MoveUnder(node, form.ParentId is { } p ? system.Nodes.Single(n => n.Id == p) : null);
            return nodeId;
        }, ct);

    public Task ReweightAsync(Guid systemId, Guid nodeId, decimal weight, CancellationToken ct = default) =>
        EditAsync(systemId, system =>
        {
            system.Reweight(system.Nodes.Single(n => n.Id == nodeId), weight);
            return nodeId;
        }, ct);

    public Task MoveAsync(Guid systemId, Guid nodeId, int offset, CancellationToken ct = default) =>
        EditAsync(systemId, system =>
        {
            system.MoveWithinSiblings(system.Nodes.Single(n => n.Id == nodeId), offset);
            return nodeId;
        }, ct);

    public Task RemoveAsync(Guid systemId, Guid nodeId, CancellationToken ct = default) =>
        EditAsync(systemId, system =>
        {
            system.Remove(system.Nodes.Single(n => n.Id == nodeId));
            return nodeId;
        }, ct);

    /// <summary>督办超期扣分 of a draft: points per overdue task and an optional cap; null points clear the penalty.</summary>
    public Task SetOverduePenaltyAsync(Guid systemId, double? pointsPerTask, double? cap, CancellationToken ct = default) =>
        EditAsync(systemId, system =>
        {
            system.SetOverduePenalty(pointsPerTask, cap);
            return systemId;
        }, ct);

    /// <summary>Starts the next draft version of a published system; refuses a second draft of the same system.</summary>
    public async Task<Guid> CreateDraftAsync(Guid publishedId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageIndicators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = await db.IndicatorSystems.Include(s => s.Nodes).SingleAsync(s => s.Id == publishedId, ct);
        var existing = await db.IndicatorSystems.AsNoTracking()
            .FirstOrDefaultAsync(s => s.LineageId == published.LineageId && s.Status == SystemStatus.Draft, ct);
        if (existing is not null)
            throw new DomainException($"「{existing.DisplayName}」是尚未发布的草稿，请继续编辑该草稿，不要再新建版本。");
        var latest = await db.IndicatorSystems.Where(s => s.LineageId == published.LineageId).MaxAsync(s => s.Version, ct);
        if (latest != published.Version)
            throw new DomainException($"请从最新版本 v{latest} 新建草稿。");
        var draft = published.CreateNextDraft(clock.GetUtcNow().UtcDateTime);
        db.IndicatorSystems.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    /// <summary>Publishes a draft once it has no problems at all, including the scoring engine's validation.</summary>
    public async Task PublishAsync(Guid systemId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageIndicators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var system = await db.IndicatorSystems.Include(s => s.Nodes).SingleAsync(s => s.Id == systemId, ct);
        var problems = IndicatorSystemQueries.Problems(system);
        if (problems.Count > 0)
            throw new DomainException($"「{system.DisplayName}」还有{problems.Count}个问题，不能发布：{string.Join(" ", problems)}");
        system.Publish(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Guid> EditAsync(Guid systemId, Func<IndicatorSystem, Guid> edit, CancellationToken ct)
    {
        await access.RequireAsync(Policies.ManageIndicators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var system = await db.IndicatorSystems.Include(s => s.Nodes).SingleOrDefaultAsync(s => s.Id == systemId, ct)
            ?? throw new DomainException("指标体系不存在或已被删除。");
        var id = edit(system);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
