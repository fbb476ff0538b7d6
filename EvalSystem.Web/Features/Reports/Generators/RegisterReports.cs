using EvalSystem.Domain.Common;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Ratings;
using EvalSystem.Domain.Submissions;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Excel;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Reports.Generators;

/// <summary>The registers (台账): submissions with evidence of a period, rectifications, and the audit log of a date range.</summary>
internal static class RegisterReports
{
    public static async Task<EvaluationPeriod> PeriodAsync(EvalDbContext db, ReportParameters parameters, CancellationToken ct) =>
        await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == (parameters.PeriodId ?? Guid.Empty), ct)
        ?? throw new DomainException("评价周期不存在或已被删除。");

    /// <summary>填报与佐证台账 of one period: every submission with who submitted and reviewed it, and its evidence files.</summary>
    public static async Task<string> SubmissionsAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        var db = context.Db;
        var period = await PeriodAsync(db, context.Parameters, ct);
        context.Progress.Report(new ReportProgress(10, "读取填报记录"));
        var rows = await (from s in db.Submissions.AsNoTracking()
                          where s.PeriodId == period.Id
                          join t in db.Targets.AsNoTracking() on s.TargetId equals t.Id
                          join d in db.Departments.AsNoTracking() on s.DepartmentId equals d.Id
                          join n in db.IndicatorNodes.AsNoTracking() on s.IndicatorNodeId equals n.Id
                          select new { s.Id, Target = t.Name, Department = d.Name, n.Code, n.NameZh, n.Unit, s.Value, s.Status })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var events = (await db.SubmissionEvents.AsNoTracking().Where(e => ids.Contains(e.SubmissionId))
                .Select(e => new { e.SubmissionId, e.Action, e.UserName, e.AtUtc, e.Id }).ToListAsync(ct))
            .ToLookup(e => e.SubmissionId);
        var evidence = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.SubmissionId))
                .Select(e => new { e.SubmissionId, e.DisplayName, e.Sha256, e.UploadedAtUtc, e.Id }).ToListAsync(ct))
            .ToLookup(e => e.SubmissionId);

        var register = rows
            .OrderBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Target, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r =>
            {
                var submitted = events[r.Id].Where(e => e.Action == SubmissionAction.Submitted).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).LastOrDefault();
                var reviewed = events[r.Id].Where(e => e.Action is SubmissionAction.Approved or SubmissionAction.Returned).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).LastOrDefault();
                return new SubmissionRegisterRow(r.Target, r.Department, r.Code, r.NameZh, period.Name, r.Value, r.Unit, r.Status,
                    submitted?.UserName, Utc(submitted?.AtUtc), reviewed?.UserName, Utc(reviewed?.AtUtc),
                    evidence[r.Id].OrderBy(e => e.UploadedAtUtc).ThenBy(e => e.Id).Select(e => new EvidenceFile(e.DisplayName, e.Sha256)).ToList());
            })
            .ToList();
        var title = $"{period.Name}填报与佐证台账";
        var header = new ReportHeader(title, period.Name, null, null, context.GeneratedAt, context.GeneratedBy);
        context.Progress.Report(new ReportProgress(50, "生成台账"));
        await output.WriteAsync(SubmissionRegisterWorkbook.Export(header, MethodDescription.Empty, register), ct);
        return title + ".xlsx";
    }

    /// <summary>整改台账: every rectification of a bad review, oldest first.</summary>
    public static async Task<string> RectificationsAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        var db = context.Db;
        context.Progress.Report(new ReportProgress(10, "读取整改事项"));
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var items = await db.RectificationItems.AsNoTracking().OrderBy(r => r.OpenedAt).ThenBy(r => r.RatingId).ToListAsync(ct);
        var rows = items.Select(r => new RectificationRow(r.RatingId, "好差评", $"{r.Level.DisplayName()}：{r.CaseNumber ?? "（无办件编号）"}",
                departments.GetValueOrDefault(r.DepartmentId, "未知部门"), r.Deadline, RectificationItem.Label(r.Status), Utc(r.ClosedAt),
                r.ClosedAt is null ? null : r.ClosedOnTime))
            .ToList();
        const string title = "差评整改台账";
        var header = new ReportHeader(title, "全部", null, null, context.GeneratedAt, context.GeneratedBy);
        context.Progress.Report(new ReportProgress(50, "生成台账"));
        await output.WriteAsync(RectificationRegisterWorkbook.Export(header, MethodDescription.Empty, rows), ct);
        return title + ".xlsx";
    }

    /// <summary>
    /// 审计日志导出 of a date range (Beijing dates, inclusive), streamed: a year of entries can be millions of rows, and the
    /// streaming writer keeps memory flat where a formatted workbook would not.
    /// </summary>
    public static Task<string> AuditLogAsync(ReportContext context, Stream output, CancellationToken ct)
    {
        var (from, to) = (context.Parameters.From ?? throw new DomainException("请选择开始日期。"), context.Parameters.To ?? throw new DomainException("请选择结束日期。"));
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - TimeSpan.FromHours(8); // Beijing dates
        var untilUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - TimeSpan.FromHours(8); // Beijing dates
        context.Progress.Report(new ReportProgress(10, "导出审计日志"));
        var entries = context.Db.AuditEntries.AsNoTracking()
            .Where(e => e.AtUtc >= fromUtc && e.AtUtc < untilUtc)
            .OrderBy(e => e.Id)
            .AsEnumerable()
            .Select(e => AuditLogWorkbook.StreamingRow(new AuditRow(new DateTimeOffset(e.AtUtc, TimeSpan.Zero), e.UserName, e.Action, e.EntityType, e.EntityKey,
                Details(e.BeforeJson, e.AfterJson), e.IpAddress)));
        var range = $"{from:yyyy-MM-dd}至{to:yyyy-MM-dd}";
        var notes = ExportNotes.Sheet(context, "审计日志导出", $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}（北京时间，含首尾两天）",
            ("口径", "期间内的全部审计记录：每一次新增、修改、删除（含修改前后的数据）、登录尝试和被拒绝的访问。审计记录只能追加，不能修改或删除。"),
            ("排序", "按记录顺序。"),
            ("时间", "北京时间。"));
        StreamingTableWriter.Write(output, [new StreamingSheet(AuditLogWorkbook.SheetName, AuditLogWorkbook.StreamingColumns, entries), notes],
            context.GeneratedAt, context.GeneratedBy);
        return Task.FromResult($"审计日志（{range}）.xlsx");
    }

    private static string? Details(string? before, string? after) => (before, after) switch
    {
        (null, null) => null,
        (null, _) => after,
        (_, null) => $"原值：{before}",
        _ => $"原值：{before}\n新值：{after}",
    };

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
