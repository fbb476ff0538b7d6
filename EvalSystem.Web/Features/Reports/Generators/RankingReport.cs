using EvalSystem.Web.Features.Rankings;

namespace EvalSystem.Web.Features.Reports.Generators;

/// <summary>排名通报: the ranking bulletin of one score run, as <c>/files/rankings/{runId}.xlsx</c> gives it.</summary>
internal static class RankingReport
{
    public static async Task<string> GenerateAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        context.Progress.Report(new ReportProgress(10, "读取排名"));
        var run = await RunReports.RunAsync(context.Db, context.Parameters, ct);
        var workbook = await RankingExport.BuildAsync(context.Db, run, null, context.GeneratedAt, context.GeneratedBy, ct);
        context.Progress.Report(new ReportProgress(90, "写入文件"));
        await output.WriteAsync(workbook.Content, ct);
        return workbook.FileName;
    }
}
