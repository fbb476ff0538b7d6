using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Features.Dashboard;

/// <summary>驾驶舱 data. Until scores exist, it shows the latest period's raw headline values per region.</summary>
public sealed class DashboardQueries(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, IOptions<DashboardOptions> options)
{
    public async Task<RawValueDashboard?> GetLatestRawValuesAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewDashboard, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.TargetKind == TargetKind.Region && db.IndicatorValues.Any(v => v.PeriodId == p.Id))
            .OrderByDescending(p => p.StartDate)
            .Take(2)
            .ToListAsync(ct);
        if (periods.Count == 0)
            return null;
        var latest = periods[0];
        var previous = periods.Count > 1 ? periods[1] : null;

        var codes = options.Value.HeadlineIndicators;
        var nodes = (await db.IndicatorNodes.AsNoTracking()
                .Where(n => n.SystemId == latest.IndicatorSystemId && codes.Contains(n.Code))
                .ToListAsync(ct))
            .OrderBy(n => Array.IndexOf(codes, n.Code))
            .ToList();
        var indicators = nodes
            .Select(n => new HeadlineIndicator(n.Code, n.NameZh, n.Unit ?? "", n.Direction ?? IndicatorDirection.HigherIsBetter, n.WarningValue, n.AdvancedValue))
            .ToList();

        var regions = await (from t in db.Targets.AsNoTracking()
                             join r in db.Regions.AsNoTracking() on t.RegionId equals r.Id
                             where t.Kind == TargetKind.Region
                             orderby r.Code
                             select new { TargetId = t.Id, r.Code, r.Name }).ToListAsync(ct);

        var nodeIds = nodes.Select(n => n.Id).ToList();
        var latestValues = await ValuesAsync(db, latest.Id, nodeIds, ct);
        var rows = regions
            .Select(r => new RegionValues(r.Code, r.Name,
                nodes.Select(n => latestValues.TryGetValue((r.TargetId, n.Id), out var v) ? v : (double?)null).ToList()))
            .ToList();

        // The previous period may use another system version: match its indicators by code.
        var previousAverages = new Dictionary<string, double>();
        if (previous is not null)
        {
            var previousNodes = await db.IndicatorNodes.AsNoTracking()
                .Where(n => n.SystemId == previous.IndicatorSystemId && codes.Contains(n.Code))
                .Select(n => new { n.Id, n.Code })
                .ToListAsync(ct);
            var ids = previousNodes.Select(n => n.Id).ToList();
            var values = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.PeriodId == previous.Id && ids.Contains(v.IndicatorNodeId))
                .Select(v => new { v.IndicatorNodeId, v.Value })
                .ToListAsync(ct);
            foreach (var node in previousNodes)
            {
                var forNode = values.Where(v => v.IndicatorNodeId == node.Id).Select(v => v.Value).ToList();
                if (forNode.Count > 0)
                    previousAverages[node.Code] = forNode.Average();
            }
        }

        var summaries = indicators
            .Select((indicator, i) =>
            {
                var present = rows.Select(r => r.Values[i]).OfType<double>().ToList();
                return new HeadlineSummary(indicator,
                    present.Count > 0 ? present.Average() : null,
                    previousAverages.TryGetValue(indicator.Code, out var p) ? p : null);
            })
            .ToList();

        return new RawValueDashboard(latest.Name, EvaluationPeriod.Label(latest.Status), previous?.Name, indicators, summaries, rows);
    }

    private static async Task<Dictionary<(Guid TargetId, Guid NodeId), double>> ValuesAsync(EvalDbContext db, Guid periodId, List<Guid> nodeIds, CancellationToken ct) =>
        await db.IndicatorValues.AsNoTracking()
            .Where(v => v.PeriodId == periodId && nodeIds.Contains(v.IndicatorNodeId))
            .ToDictionaryAsync(v => (v.TargetId, v.IndicatorNodeId), v => v.Value, ct);
}
