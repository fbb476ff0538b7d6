using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Reports;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalSystem.Web.Features.Supervision;

/// <summary>
/// 督办台账: the records of every supervision task for <see cref="SupervisionRegisterWorkbook"/> (also for the report centre),
/// and the workbook itself for <c>/files/supervision/register.xlsx</c>. The office and auditors export it.
/// </summary>
public sealed class SupervisionRegister(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock, IOptions<SupervisionOptions> options)
{
    public async Task<IReadOnlyList<SupervisionRegisterRow>> RowsAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ExportSupervision, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RowsAsync(db, ct);
    }

    private static async Task<IReadOnlyList<SupervisionRegisterRow>> RowsAsync(EvalDbContext db, CancellationToken ct)
    {
        var names = await SupervisionQueries.DepartmentNamesAsync(db, ct);
        var tasks = await db.SupervisionTasks.AsNoTracking().Include(t => t.ProgressReports).Include(t => t.Extensions).AsSplitQuery().ToListAsync(ct);
        return tasks.OrderBy(t => t.Number.Year).ThenBy(t => t.Number.Sequence).Select(t =>
        {
            var latest = t.ProgressReports.OrderBy(r => r.ReportedAtUtc).LastOrDefault();
            return new SupervisionRegisterRow(t.Number.ToString(), SupervisionTask.Label(t.Source), t.Title, names.GetValueOrDefault(t.DepartmentId, "—"),
                t.SupportingDepartmentIds.Count == 0 ? null : string.Join("、", t.SupportingDepartmentIds.Select(id => names.GetValueOrDefault(id, "—"))),
                t.RegionCode, SupervisionTask.Label(t.Priority), DateOnly.FromDateTime(BeijingTime.FromUtc(t.CreatedAtUtc)), t.OriginalDeadline, t.Deadline,
                SupervisionTask.Label(t.Status), t.EscalationLevel, t.ClosedOn, t.IsClosed ? t.ClosedOnTime : null, t.ProgressReports.Count, latest?.Text);
        }).ToList();
    }

    public async Task<(string FileName, byte[] Content)> ExportAsync(CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ExportSupervision, ct);
        var rows = await RowsAsync(ct);
        var now = clock.GetUtcNow();
        var content = Workbook(rows, now, user.GetDisplayName(), options.Value);
        return ($"督办台账（{BeijingTime.DateOf(now):yyyy-MM-dd}）.xlsx", content);
    }

    /// <summary>
    /// The register as a kind of the report center (报表中心): generated in the background for the office and auditors, with its
    /// size and SHA-256 kept in the history like every other report.
    /// </summary>
    public static ReportKind ReportKind(IOptions<SupervisionOptions> options) => new(
        "supervision-register", "督查督办台账", "全部督查任务：编号、来源、主责单位、期限、状态、督办等级和是否按期销号。",
        ReportInputs.None, [Roles.Office, Roles.Auditor],
        async (context, output, ct) =>
        {
            context.Progress.Report(new ReportProgress(10, "读取督查任务"));
            var rows = await RowsAsync(context.Db, ct);
            context.Progress.Report(new ReportProgress(60, "生成台账"));
            await output.WriteAsync(Workbook(rows, context.GeneratedAt, context.GeneratedBy, options.Value), ct);
            return $"督办台账（{BeijingTime.DateOf(context.GeneratedAt):yyyy-MM-dd}）.xlsx";
        });

    private static byte[] Workbook(IReadOnlyList<SupervisionRegisterRow> rows, DateTimeOffset now, string generatedBy, SupervisionOptions policy)
    {
        var header = new ReportHeader("督查督办", "全部任务", null, null, now, generatedBy);
        var notes = string.Join('\n',
            "按期完成率 = 按期销号的任务数 ÷ 应完成的任务数 × 100%。应完成：现行整改期限（原定期限，或最近一次获批的延期）落在统计期间内的任务；按期：在现行期限当日或之前核验销号。期间结束时仍未销号的任务计为未按期。",
            "本台账的汇总行按已销号任务计算：按期销号数 ÷ 已销号数。",
            $"督办升级：超过整改期限（日历日）{string.Join("、", policy.EscalationSteps)}天起分别升至{string.Join("、", Enumerable.Range(1, policy.EscalationSteps.Length))}级；等级只升不降，待核验的任务不再升级。",
            $"延期：须说明理由并经评估办同意，单次最长{policy.MaxExtensionDays}天。");
        return SupervisionRegisterWorkbook.Export(header, new MethodDescription([], notes), rows);
    }
}
