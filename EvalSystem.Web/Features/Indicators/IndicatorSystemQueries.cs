using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Indicators;

/// <summary>Reading indicator systems. Department users see only the indicators their department is responsible for or supports.</summary>
public sealed class IndicatorSystemQueries(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access)
{
    public async Task<IReadOnlyList<SystemVersion>> ListVersionsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewIndicators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await db.Periods.AsNoTracking().GroupBy(p => p.IndicatorSystemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var systems = await db.IndicatorSystems.AsNoTracking().ToListAsync(ct);
        return systems
            .OrderBy(s => s.Name).ThenByDescending(s => s.Version)
            .Select(s => ToVersion(s, periods.GetValueOrDefault(s.Id)))
            .ToList();
    }

    public async Task<SystemView> GetAsync(Guid systemId, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewIndicators, ct);
        var canEdit = await access.AllowsAsync(user, Policies.ManageIndicators);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var system = await db.IndicatorSystems.AsNoTracking().Include(s => s.Nodes).SingleOrDefaultAsync(s => s.Id == systemId, ct)
            ?? throw new Domain.Common.DomainException("指标体系不存在或已被删除。");
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var ordered = PreOrder(system, null).ToList();

        // A department user reads only its own indicators (and the groups above them).
        var filtered = false;
        if (!canEdit && user.GetDepartmentId() is { } own && !await access.AllowsAsync(user, Policies.ViewPeriods))
        {
            var visible = new HashSet<Guid>();
            foreach (var leaf in ordered.Where(n => n.IsIndicator && (n.ResponsibleDepartmentId == own || n.SupportingDepartmentIds.Contains(own))))
            {
                for (var n = leaf; n is not null; n = n.ParentId is { } p ? system.Nodes.Single(x => x.Id == p) : null)
                    visible.Add(n.Id);
            }
            ordered = ordered.Where(n => visible.Contains(n.Id)).ToList();
            filtered = true;
        }

        var nodes = ordered.Select(n => new TreeNode(n.Id, n.ParentId, n.Level, n.Kind, n.Code, n.NameZh, n.NameEn, n.Weight, n.Unit, n.Direction, n.Source,
                n.ResponsibleDepartmentId, n.ResponsibleDepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
                n.SupportingDepartmentIds, n.WarningValue, n.AdvancedValue, n.RuleJson, n.Formula, n.Measure))
            .ToList();
        var periodCount = await db.Periods.CountAsync(p => p.IndicatorSystemId == systemId, ct);
        return new SystemView(ToVersion(system, periodCount), nodes, canEdit ? Problems(system) : [],
            canEdit && system.Status == SystemStatus.Draft, filtered,
            new ScoringSettings(system.Aggregation, system.MissingData, system.OverduePenaltyPerTask, system.OverduePenaltyCap));
    }

    public async Task<IReadOnlyList<DepartmentOption>> DepartmentsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewIndicators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentOption(d.Id, d.Code, d.Name)).ToListAsync(ct);
    }

    /// <summary>The latest period's raw values of an indicator: the peers a peer-relative rule is previewed against.</summary>
    public async Task<IReadOnlyList<double>> LatestValuesAsync(string indicatorCode, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewIndicators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await (from v in db.IndicatorValues.AsNoTracking()
                            join n in db.IndicatorNodes.AsNoTracking() on v.IndicatorNodeId equals n.Id
                            join p in db.Periods.AsNoTracking() on v.PeriodId equals p.Id
                            where n.Code == indicatorCode
                            orderby p.StartDate descending
                            select p.Id).FirstOrDefaultAsync(ct);
        return await (from v in db.IndicatorValues.AsNoTracking()
                      join n in db.IndicatorNodes.AsNoTracking() on v.IndicatorNodeId equals n.Id
                      where v.PeriodId == latest && n.Code == indicatorCode
                      select v.Value).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<IndicatorChange>> DiffAsync(Guid beforeId, Guid afterId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewIndicators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var before = await db.IndicatorSystems.AsNoTracking().Include(s => s.Nodes).SingleAsync(s => s.Id == beforeId, ct);
        var after = await db.IndicatorSystems.AsNoTracking().Include(s => s.Nodes).SingleAsync(s => s.Id == afterId, ct);
        return IndicatorSystemDiff.Compare(before, after);
    }

    /// <summary>Everything that blocks publishing: the tree's own rules and the scoring engine's validation.</summary>
    internal static IReadOnlyList<string> Problems(IndicatorSystem system)
    {
        var problems = system.Validate().ToList();
        try
        {
            problems.AddRange(ScoringModel.Validate(system.ToScoringDefinition()).Errors.Select(e => e.Message));
        }
        catch (ScoringValidationException ex)
        {
            problems.AddRange(ex.Errors.Count > 0 ? ex.Errors.Select(e => e.Message) : [ex.Message]);
        }
        return problems.Distinct().ToList();
    }

    internal static IEnumerable<IndicatorNode> PreOrder(IndicatorSystem system, IndicatorNode? parent) =>
        system.ChildrenOf(parent).SelectMany(child => PreOrder(system, child).Prepend(child));

    private static SystemVersion ToVersion(IndicatorSystem s, int periodCount) =>
        new(s.Id, s.LineageId, s.Name, s.Version, s.Status, s.TargetKind, s.PublishedAtUtc, periodCount);
}
