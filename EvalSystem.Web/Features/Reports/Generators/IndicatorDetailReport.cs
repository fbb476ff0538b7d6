using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Web.Features.Rankings;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Reports.Generators;

/// <summary>指标明细: every target of a run × every leaf indicator, raw value and score, targets in rank order.</summary>
internal static class IndicatorDetailReport
{
    public static async Task<string> GenerateAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        var db = context.Db;
        var run = await RunReports.RunAsync(db, context.Parameters, ct);
        context.Progress.Report(new ReportProgress(10, "读取评分结果"));
        var targets = await RunReports.TargetsAsync(db, run, null, ct);
        var leaves = (await RunReports.NodesAsync(db, run, ct)).Where(n => n.IsIndicator).ToList();
        var column = leaves.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var row = targets.Select((t, i) => (t.TargetId, i)).ToDictionary(x => x.TargetId, x => x.i);
        var cells = new DetailCell[targets.Count][];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = new DetailCell[leaves.Count];
        // Streamed: 3,000 targets × 100 indicators are 300,000 records; only the cells are kept.
        await foreach (var s in db.IndicatorScores.AsNoTracking().Where(s => s.RunId == run.RunId && s.IsLeaf)
                           .Select(s => new { s.TargetId, s.IndicatorNodeId, s.RawValue, s.Score, s.Imputation }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.TryGetValue(s.TargetId, out var r) && column.TryGetValue(s.IndicatorNodeId, out var c))
                cells[r][c] = new DetailCell(s.RawValue, s.Score, s.Imputation != Imputation.None);
        }

        var matrix = new IndicatorMatrix(
            leaves.Select(n => new DetailIndicator(n.Code, n.NameZh, n.Unit)).ToList(),
            targets.Select((t, i) => new DetailTarget(t.Code, t.Name, cells[i])).ToList());
        var title = $"{run.PeriodName}{RankingQueries.KindName(run.Kind)}指标明细";
        var header = new ReportHeader(title, run.PeriodName, run.RunId, run.MethodHash, context.GeneratedAt, context.GeneratedBy);
        var method = await RankingExport.MethodAsync(db, run, ct);
        context.Progress.Report(new ReportProgress(40, "生成指标明细"));
        var content = IndicatorDetailWorkbook.Export(header, method, matrix);
        context.Progress.Report(new ReportProgress(90, "写入文件"));
        await output.WriteAsync(content, ct);
        return $"{title}（{RunReports.RunLabel(run)}）.xlsx";
    }
}
