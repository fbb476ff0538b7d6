using System.Globalization;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.IndicatorSystems;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Indicators;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using ReportRankingRow = EvalSystem.Reports.Bulletins.RankingRow;

namespace EvalSystem.Web.Features.Rankings;

/// <summary>A generated workbook and the name it is downloaded under.</summary>
public sealed record RankingWorkbook(string FileName, byte[] Content);

/// <summary>
/// 导出排名: the ranking of one score run as the 排名通报 workbook (rank order, with the 计算方法 sheet). Readers of every
/// period (office, leaders, auditors) may export any run; a department user only a published one.
/// </summary>
public sealed class RankingExport(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    public async Task<RankingWorkbook> ExportAsync(Guid runId, TargetKind? kind = null, string? filter = null, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewRankings, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await RankingReader.RunAsync(db, runId, ct) ?? throw new DomainException("计算批次不存在或已被删除。");
        if (run.Status != ScoreRunStatus.Published && !await access.AllowsAsync(user, Policies.ViewPeriods))
            await access.RefuseAsync(user, nameof(ScoreRun), runId.ToString(), "该计算结果尚未发布，只能导出已发布的排名。");
        if (kind is { } asked && asked != run.Kind)
            throw new DomainException($"该计算批次是{RankingQueries.KindName(run.Kind)}排名，没有{RankingQueries.KindName(asked)}排名。");

        return await BuildAsync(db, run, filter, clock.GetUtcNow(), user.GetDisplayName(), ct);
    }

    /// <summary>
    /// The bulletin of a run the caller may read (no access check here: <see cref="ExportAsync"/> and the report center check
    /// first). Rows come in rank order, ties by name and id, so the same run and <paramref name="generatedAt"/> give the same bytes.
    /// </summary>
    internal static async Task<RankingWorkbook> BuildAsync(EvalDbContext db, RankedRun run, string? filter, DateTimeOffset generatedAt, string generatedBy, CancellationToken ct)
    {
        var request = new RankingRequest(run.PeriodId, run.Kind, PageSize: int.MaxValue).WithFilter(filter);
        var ranking = await RankingReader.ReadAsync(db, run, request, ct);
        var info = ranking.RunInfo!;
        var rows = ranking.Items
            .Select(i => new ReportRankingRow(i.Code, i.Name, run.Kind, i.Composite, i.Rank, i.PreviousRank,
                new RankInterval(i.IntervalBest, i.IntervalWorst),
                info.FirstLevel.Select((f, n) => (f.Code, Score: i.FirstLevelScores[n])).ToDictionary(x => x.Code, x => x.Score)))
            .ToList();
        var section = new RankingSection(run.Kind, info.FirstLevel.Select(f => new FirstLevelIndicator(f.Code, f.Name)).ToList(), ScoreThresholds.Default, rows);

        var scope = await FilterNameAsync(db, request, ct);
        var kindName = RankingQueries.KindName(run.Kind);
        var header = new ReportHeader($"{run.PeriodName}营商环境评价{kindName}排名通报{(scope is null ? "" : $"（{scope}）")}", run.PeriodName,
            run.RunId, run.MethodHash, generatedAt, generatedBy);
        var content = RankingBulletinWorkbook.Export(header, await MethodAsync(db, run, ct), [section]);
        var fileName = $"{run.PeriodName}{kindName}排名（第{run.Number}次计算{(run.Status == ScoreRunStatus.Published ? "" : "，未发布")}）.xlsx";
        return new RankingWorkbook(fileName, content);
    }

    private static async Task<string?> FilterNameAsync(EvalDbContext db, RankingRequest request, CancellationToken ct)
    {
        if (request.ParentRegionId is { } parent)
            return await db.Regions.AsNoTracking().Where(r => r.Id == parent).Select(r => r.Name).SingleOrDefaultAsync(ct) ?? "未知地区";
        return request.DepartmentKind is { } kind ? RankingQueries.DepartmentKindName(kind) : null;
    }

    /// <summary>The 计算方法 sheet: the run's indicator tree in pre-order with weights and rules, and how scores become ranks.</summary>
    internal static async Task<MethodDescription> MethodAsync(EvalDbContext db, RankedRun run, CancellationToken ct)
    {
        var system = await db.IndicatorSystems.AsNoTracking().Where(s => s.Id == run.SystemId)
            .Select(s => new { s.Name, s.Version, s.Aggregation, s.MissingData, s.OverduePenaltyPerTask, s.OverduePenaltyCap })
            .SingleAsync(ct);
        var nodes = await db.IndicatorNodes.AsNoTracking().Where(n => n.SystemId == run.SystemId).ToListAsync(ct);
        var children = nodes.ToLookup(n => n.ParentId);
        var lines = new List<MethodIndicatorLine>();
        void Add(Guid? parent, string path)
        {
            foreach (var node in children[parent].OrderBy(n => n.SortOrder))
            {
                var nodePath = path.Length == 0 ? node.NameZh : $"{path} / {node.NameZh}";
                lines.Add(new MethodIndicatorLine(node.Code, node.NameZh, node.Level, nodePath, (double)(node.Weight / 100m), RuleText(node),
                    node.IsIndicator ? node.Direction : null));
                Add(node.Id, nodePath);
            }
        }
        Add(null, "");

        var settings = new ScoringSettings(system.Aggregation, system.MissingData, system.OverduePenaltyPerTask, system.OverduePenaltyCap);
        var perturbation = (run.Perturbation * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var notes = string.Join('\n', new[]
        {
            $"指标体系：{system.Name} 第{system.Version}版。",
            $"综合得分 = 各级指标得分逐级{settings.AggregationLabel}，再计加分、扣分，限定在 0–100 分；{settings.MissingDataLabel}，插补值在明细中标出。",
            system.OverduePenaltyPerTask is null ? null
                : $"督办任务超期扣分：{settings.PenaltyLabel}。超期任务 = 截止日期在本周期内、逾期销号或计算当日仍逾期未销号的督办任务。",
            "排名：按综合得分从高到低竞争排名，得分相同者名次并列（如 1、2、2、4）。名次变化 = 上期排名 − 本期排名。",
            $"排名区间：各级权重在 ±{perturbation}% 内随机扰动 {run.Draws} 次，取名次的 5% 与 95% 分位数（四舍五入到整名次）。",
        }.OfType<string>());
        return new MethodDescription(lines, notes);
    }

    private static string RuleText(IndicatorNode node)
    {
        if (!node.IsIndicator)
            return string.Empty;
        var formula = node.Formula is { Length: > 0 } f ? $"（公式：{f}）" : "";
        if (node.RuleJson is null)
            return formula;
        try
        {
            var rule = ScoringRuleJson.Deserialize(node.RuleJson);
            var parameters = RuleParameterText.Format(rule);
            return $"{RuleParameterText.TypeName(rule)}{(parameters.Length == 0 ? "" : "：" + parameters)}{formula}";
        }
        catch (ScoringValidationException)
        {
            // A published system's rules were validated when it was published; show whatever is stored rather than fail the report.
            return node.RuleJson + formula;
        }
    }
}
