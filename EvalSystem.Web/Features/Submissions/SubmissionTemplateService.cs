using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Submissions;
using EvalSystem.Reports.IndicatorSystems;
using EvalSystem.Reports.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Submissions;

/// <summary>
/// 批量填报: a department downloads its indicators and targets of a period as a workbook, fills in the values and
/// uploads it back. The upload is checked as a whole; drafts are written only when every row is valid.
/// </summary>
public sealed class SubmissionTemplateService(SubmissionQueries queries, IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private const string Sheet = "填报";

    public async Task<(string FileName, byte[] Content)> DownloadAsync(Guid periodId, CancellationToken ct = default)
    {
        var template = await ExpectedAsync(periodId, ct);
        return ($"{template.PeriodName}-{template.DepartmentName}-填报模板.xlsx", SubmissionTemplateWorkbook.Export(template));
    }

    /// <summary>
    /// Returns every problem (sheet, row, column, reason); saves drafts for the filled-in rows only if there is none. Rows whose
    /// value and note are unchanged are skipped; a row a colleague changed after the template was downloaded is refused.
    /// </summary>
    public async Task<(int Saved, IReadOnlyList<ImportError> Errors)> UploadAsync(Guid periodId, Stream file, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.SubmitData, ct);
        var expected = await ExpectedAsync(periodId, ct);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxFileBytes)
            return (0, [new ImportError(Sheet, 0, "", $"文件超过{MaxFileBytes / 1024 / 1024} MB，请确认上传的是本系统下载的填报模板。")]);
        buffer.Position = 0;
        var result = SubmissionTemplateWorkbook.Import(buffer, expected);
        if (!result.Succeeded)
            return (0, result.Errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var period = await db.Periods.SingleAsync(p => p.Id == periodId, ct);
        if (SubmissionService.RefusalFor(period, expected.DepartmentId, now) is { } refusal)
            return (0, [new ImportError(Sheet, 0, "", refusal)]);
        var nodes = await db.IndicatorNodes.Where(n => n.SystemId == period.IndicatorSystemId).ToDictionaryAsync(n => n.Id, ct);
        var existing = await db.Submissions.Include(s => s.History).Where(s => s.PeriodId == periodId && s.DepartmentId == expected.DepartmentId)
            .ToDictionaryAsync(s => (s.IndicatorNodeId, s.TargetId), ct);
        var errors = new List<ImportError>();
        var by = user.ToUserRef();
        var saved = 0;
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var row = result.Rows[i];
            if (row.Value is not { } value)
                continue;
            var excelRow = SubmissionTemplateWorkbook.FirstDataRow + i;
            existing.TryGetValue((row.IndicatorNodeId, row.TargetId), out var submission);
            if (submission is { Status: SubmissionStatus.Submitted or SubmissionStatus.Approved })
            {
                if (submission.Value != value)
                    errors.Add(new ImportError(Sheet, excelRow, "本期值", $"「{row.IndicatorName} · {row.TargetName}」已{Submission.Label(submission.Status)}，不能在模板中修改。"));
                continue;
            }
            if (submission is not null && submission.Value == value && (submission.Note ?? "") == (row.Note ?? ""))
                continue; // unchanged: re-uploading a template adds no new version
            if (submission is not null && row.Stamp != StampOf(submission.UpdatedAtUtc))
            {
                // A colleague saved this entry after the template was downloaded: never overwrite their work silently.
                var last = submission.History.MaxBy(e => e.AtUtc)!;
                errors.Add(new ImportError(Sheet, excelRow, "本期值",
                    $"「{row.IndicatorName} · {row.TargetName}」在您下载模板后已被{last.UserName}于{BeijingTime.FromUtc(last.AtUtc):yyyy-MM-dd HH:mm}修改（当前值 {submission.Value}）。请重新下载模板，核对后再上传。"));
                continue;
            }
            try
            {
                SubmissionService.ValidateValue(nodes[row.IndicatorNodeId], value);
                if (submission is null)
                {
                    submission = new Submission(periodId, row.IndicatorNodeId, row.TargetId, expected.DepartmentId, by, now);
                    db.Submissions.Add(submission);
                }
                submission.Edit(value, row.Note, by, now);
                saved++;
            }
            catch (DomainException ex)
            {
                errors.Add(new ImportError(Sheet, excelRow, "本期值", ex.Message));
            }
        }
        if (errors.Count > 0)
            return (0, errors);
        await db.SaveChangesAsync(ct);
        return (saved, []);
    }

    private async Task<SubmissionTemplate> ExpectedAsync(Guid periodId, CancellationToken ct)
    {
        var user = await access.RequireAsync(Policies.SubmitData, ct);
        var department = AccessGuard.RequireDepartment(user);
        var items = (await queries.MineAsync(ct)).Where(i => i.PeriodId == periodId).ToList();
        if (items.Count == 0)
            throw new DomainException("该评价周期没有需要贵部门填报的指标，或周期不在填报中。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departmentName = await db.Departments.Where(d => d.Id == department).Select(d => d.Name).SingleAsync(ct);
        return new SubmissionTemplate(periodId, items[0].PeriodName, department, departmentName, items[0].DeadlineUtc,
            items.Select(i => new TemplateRow(i.IndicatorNodeId, i.IndicatorCode, i.IndicatorName, i.Unit, i.TargetId, i.TargetName, i.PreviousValue, i.Value, i.Note,
                StampOf(i.UpdatedAtUtc))).ToList());
    }

    /// <summary>The version of a stored entry as written into the template; empty when there is no entry yet.</summary>
    private static string StampOf(DateTime? updatedAtUtc) =>
        updatedAtUtc is { } at ? at.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
}
