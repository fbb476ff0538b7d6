using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Submissions;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Excel;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Reports.Generators;

/// <summary>
/// Raw data of a period, for analysts who want every record: 全部办件 and 全部填报. Rows are read from the database and written
/// to the file one at a time (<see cref="StreamingTableWriter"/>), so a million cases cost about the memory of a hundred.
/// </summary>
internal static class BulkExports
{
    public static readonly IReadOnlyList<StreamingColumn> CaseColumns =
    [
        new("办件编号", ColumnFormat.Text), new("事项编码", ColumnFormat.Text), new("事项名称"), new("部门"), new("区划代码", ColumnFormat.Text),
        new("办理渠道"), new("受理时间", ColumnFormat.DateTime), new("办结时间", ColumnFormat.DateTime), new("承诺时限（工作日）", ColumnFormat.Integer),
        new("办理状态"), new("开办企业"),
    ];

    public static readonly IReadOnlyList<StreamingColumn> SubmissionColumns =
    [
        new("部门"), new("评价对象"), new("指标代码", ColumnFormat.Text), new("指标名称"), new("填报值", ColumnFormat.Value), new("计量单位"),
        new("状态"), new("版本", ColumnFormat.Integer), new("说明"), new("最后更新", ColumnFormat.DateTime),
    ];

    /// <summary>Every case received in the period (by the received date), in receipt order.</summary>
    public static async Task<string> CasesAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        var db = context.Db;
        var period = await RegisterReports.PeriodAsync(db, context.Parameters, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        // Case times are the platform's wall-clock times (as the case measures read them), shown as stored.
        var from = period.StartDate.ToDateTime(TimeOnly.MinValue);
        var until = period.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
        context.Progress.Report(new ReportProgress(10, "导出办件"));
        var rows = db.ServiceCases.AsNoTracking()
            .Where(c => c.ReceivedAt >= from && c.ReceivedAt < until)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.CaseNumber)
            .Select(c => new { c.CaseNumber, c.ItemCode, c.ItemName, c.DepartmentId, c.RegionCode, c.Channel, c.ReceivedAt, c.CompletedAt, c.PromisedWorkingDays, c.Status, c.IsBusinessStartup })
            .AsEnumerable()
            .Select(c => new object?[]
            {
                c.CaseNumber, c.ItemCode, c.ItemName, departments.GetValueOrDefault(c.DepartmentId), c.RegionCode, c.Channel.Label(),
                AsStored(c.ReceivedAt), c.CompletedAt is { } done ? AsStored(done) : null, c.PromisedWorkingDays, ServiceCase.Label(c.Status), c.IsBusinessStartup,
            });
        var notes = ExportNotes.Sheet(context, "全部办件", $"{period.Name}（{period.StartDate:yyyy-MM-dd} 至 {period.EndDate:yyyy-MM-dd}）",
            ("口径", "受理时间在周期内的全部办件（含未办结），所有部门、所有区划。"),
            ("排序", "按受理时间，再按办件编号。"),
            ("时间", "受理、办结时间为办件平台推送的原始时间，未做时区换算。"));
        StreamingTableWriter.Write(output, [new StreamingSheet("全部办件", CaseColumns, rows), notes], context.GeneratedAt, context.GeneratedBy);
        return $"{period.Name}全部办件.xlsx";
    }

    /// <summary>Every submission of the period in its current version.</summary>
    public static async Task<string> SubmissionsAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        var db = context.Db;
        var period = await RegisterReports.PeriodAsync(db, context.Parameters, ct);
        context.Progress.Report(new ReportProgress(10, "导出填报"));
        var rows = (from s in db.Submissions.AsNoTracking()
                    where s.PeriodId == period.Id
                    join t in db.Targets.AsNoTracking() on s.TargetId equals t.Id
                    join d in db.Departments.AsNoTracking() on s.DepartmentId equals d.Id
                    join n in db.IndicatorNodes.AsNoTracking() on s.IndicatorNodeId equals n.Id
                    orderby d.Code, t.Name, n.Code, s.Id
                    select new { Department = d.Name, Target = t.Name, n.Code, n.NameZh, s.Value, n.Unit, s.Status, s.Version, s.Note, s.UpdatedAtUtc })
            .AsEnumerable()
            .Select(s => new object?[]
            {
                s.Department, s.Target, s.Code, s.NameZh, s.Value, s.Unit, SubmissionRegisterWorkbook.StatusText(s.Status), s.Version, s.Note,
                DateTime.SpecifyKind(s.UpdatedAtUtc, DateTimeKind.Utc),
            });
        var notes = ExportNotes.Sheet(context, "全部填报", $"{period.Name}（{period.StartDate:yyyy-MM-dd} 至 {period.EndDate:yyyy-MM-dd}）",
            ("口径", "本周期的全部部门填报，每条为当前版本（历史版本与审核意见见填报记录）；未填报的指标不在表中。"),
            ("排序", "按部门代码、评价对象、指标代码。"),
            ("时间", "最后更新为北京时间。"));
        StreamingTableWriter.Write(output, [new StreamingSheet("全部填报", SubmissionColumns, rows), notes], context.GeneratedAt, context.GeneratedBy);
        return $"{period.Name}全部填报.xlsx";
    }

    private static DateTime AsStored(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Unspecified);
}
