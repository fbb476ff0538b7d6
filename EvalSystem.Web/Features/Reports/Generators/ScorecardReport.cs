using EvalSystem.Domain.Common;
using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Web.Features.Rankings;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Reports.Generators;

/// <summary>评分卡: one target's (or every target's) composite, rank and indicator breakdown in one score run.</summary>
internal static class ScorecardReport
{
    public static async Task<string> GenerateAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        var db = context.Db;
        var run = await RunReports.RunAsync(db, context.Parameters, ct);
        context.Progress.Report(new ReportProgress(10, "读取评分结果"));
        var targets = await RunReports.TargetsAsync(db, run, context.Parameters.TargetId, ct);
        if (targets.Count == 0)
            throw new DomainException("该评分批次中没有所选的评价对象。");
        var nodes = await RunReports.NodesAsync(db, run, ct);
        var firstLevel = nodes.Where(n => n.Level == 1).ToList();
        var firstLevelIds = firstLevel.Select(n => n.Id).ToList();
        var averages = (await db.IndicatorScores.AsNoTracking()
                .Where(s => s.RunId == run.RunId && firstLevelIds.Contains(s.IndicatorNodeId))
                .Select(s => new { s.IndicatorNodeId, s.Score })
                .ToListAsync(ct))
            .GroupBy(s => s.IndicatorNodeId)
            .ToDictionary(g => g.Key, g => g.Any(s => s.Score is not null) ? g.Where(s => s.Score is not null).Average(s => s.Score!.Value) : (double?)null);

        var ids = targets.Select(t => t.TargetId).ToList();
        var one = context.Parameters.TargetId;
        var scores = (await db.IndicatorScores.AsNoTracking()
                .Where(s => s.RunId == run.RunId && (one == null || s.TargetId == one))
                .ToListAsync(ct))
            .ToDictionary(s => (s.TargetId, s.IndicatorNodeId));

        context.Progress.Report(new ReportProgress(40, "生成评分卡"));
        var cards = targets.Select(t => new TargetScorecard(t.Code, t.Name, run.Kind, t.Composite, t.Rank, run.TargetCount,
                new RankInterval((int)Math.Round(t.Rank5), (int)Math.Round(t.Rank95)),
                nodes.Select(n =>
                {
                    var s = scores.GetValueOrDefault((t.TargetId, n.Id));
                    return new ScorecardLine(n.Code, n.NameZh, n.Level, n.Unit, s?.RawValue, s is not null && s.Imputation != Imputation.None,
                        s?.Score, s?.EffectiveWeight ?? 0, n.IsIndicator ? s?.Contribution : null);
                }).ToList(),
                firstLevel.Select(n => new FirstLevelComparison(n.Code, n.NameZh, scores.GetValueOrDefault((t.TargetId, n.Id))?.Score, averages.GetValueOrDefault(n.Id)))
                    .ToList()))
            .ToList();

        var kindName = RankingQueries.KindName(run.Kind);
        var title = one is null ? $"{run.PeriodName}{kindName}评分卡" : $"{run.PeriodName}评分卡（{targets[0].Name}）";
        var header = new ReportHeader(title, run.PeriodName, run.RunId, run.MethodHash, context.GeneratedAt, context.GeneratedBy);
        var method = await RankingExport.MethodAsync(db, run, ct);
        var content = one is null ? ScorecardWorkbook.Export(header, method, cards) : ScorecardWorkbook.ExportOne(header, method, cards[0]);
        context.Progress.Report(new ReportProgress(90, "写入文件"));
        await output.WriteAsync(content, ct);
        return $"{title}（{RunReports.RunLabel(run)}）.xlsx";
    }
}
