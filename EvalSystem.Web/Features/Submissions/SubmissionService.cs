using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Notifications;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Notifications;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Submissions;

/// <summary>
/// 数据填报 and 审核: a department enters values only for indicators its department is responsible for, only while the
/// period collects; the evaluation office approves or returns. Only approved values feed the scoring engine.
/// Every refusal of another department's data is audited.
/// </summary>
public sealed class SubmissionService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    /// <summary>
    /// Saves (or re-saves) the department's draft for one indicator and target. <paramref name="seenUpdatedAtUtc"/> is the
    /// state the user edited (null for a new entry): if a colleague saved in between, the save is refused instead of
    /// silently replacing the colleague's value.
    /// </summary>
    public async Task<Guid> SaveDraftAsync(Guid periodId, Guid indicatorNodeId, Guid targetId, double value, string? note, CancellationToken ct = default,
        DateTime? seenUpdatedAtUtc = null)
    {
        var user = await access.RequireAsync(Policies.SubmitData, ct);
        var department = AccessGuard.RequireDepartment(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new DomainException("评价周期不存在。");
        RequireAccepts(period, department, now);
        var node = await db.IndicatorNodes.SingleOrDefaultAsync(n => n.Id == indicatorNodeId && n.SystemId == period.IndicatorSystemId, ct)
            ?? throw new DomainException("该指标不属于本评价周期的指标体系。");
        // Computed indicators have no submitting department at all.
        var owner = node.Source == IndicatorSource.DepartmentSubmission ? node.ResponsibleDepartmentId : null;
        await access.RequireSameDepartmentAsync(user, owner ?? Guid.Empty, "Indicator", node.Id.ToString(), "该指标不由贵部门填报。", ct);
        if (!await db.Targets.AnyAsync(t => t.Id == targetId && t.Kind == period.TargetKind, ct))
            throw new DomainException("评价对象不属于本评价周期。");
        ValidateValue(node, value);

        var by = user.ToUserRef();
        var submission = await db.Submissions.Include(s => s.History)
            .SingleOrDefaultAsync(s => s.PeriodId == periodId && s.IndicatorNodeId == indicatorNodeId && s.TargetId == targetId, ct);
        if (submission is not null && submission.UpdatedAtUtc != seenUpdatedAtUtc)
        {
            var last = submission.History.MaxBy(e => e.AtUtc)!;
            throw new DomainException($"这条填报已被{last.UserName}于{BeijingTime.FromUtc(last.AtUtc):yyyy-MM-dd HH:mm}修改（当前值 {submission.Value}），请关闭后重新打开再保存。");
        }
        if (submission is null)
        {
            submission = new Submission(periodId, indicatorNodeId, targetId, department, by, now);
            db.Submissions.Add(submission);
        }
        submission.Edit(value, note, by, now);
        await db.SaveChangesAsync(ct);
        return submission.Id;
    }

    public Task SubmitAsync(Guid submissionId, CancellationToken ct = default) =>
        OwnAsync(submissionId, (submission, by, now) => submission.Submit(by, now), ct);

    public async Task ApproveAsync(Guid submissionId, CancellationToken ct = default)
    {
        var refused = await ApproveManyAsync([submissionId], ct);
        if (refused.Count > 0)
            throw new DomainException(refused[0].Reason);
    }

    /// <summary>
    /// 批量通过: approves each submission that can be approved, in one transaction, and tells each department once how many of
    /// its entries passed. Returns the ones that could not be approved with the reason (e.g. already returned by a colleague).
    /// </summary>
    public async Task<IReadOnlyList<(Guid SubmissionId, string Reason)>> ApproveManyAsync(IReadOnlyCollection<Guid> submissionIds, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ReviewSubmissions, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var submissions = await db.Submissions.Include(s => s.History).Where(s => submissionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var refused = new List<(Guid, string)>();
        var approved = new List<Submission>();
        foreach (var id in submissionIds)
        {
            if (!submissions.TryGetValue(id, out var submission))
            {
                refused.Add((id, "填报不存在或已被删除。"));
                continue;
            }
            try
            {
                submission.Approve(user.ToUserRef(), now);
                approved.Add(submission);
            }
            catch (DomainException ex)
            {
                refused.Add((id, ex.Message));
            }
        }

        var periodIds = approved.Select(s => s.PeriodId).Distinct().ToList();
        var nodeIds = approved.Select(s => s.IndicatorNodeId).Distinct().ToList();
        var targetIds = approved.Select(s => s.TargetId).Distinct().ToList();
        var values = await db.IndicatorValues
            .Where(v => periodIds.Contains(v.PeriodId) && nodeIds.Contains(v.IndicatorNodeId) && targetIds.Contains(v.TargetId))
            .ToListAsync(ct);
        foreach (var submission in approved)
        {
            var value = values.SingleOrDefault(v => v.PeriodId == submission.PeriodId && v.TargetId == submission.TargetId && v.IndicatorNodeId == submission.IndicatorNodeId);
            if (value is null)
                db.IndicatorValues.Add(new IndicatorValue(submission.PeriodId, submission.TargetId, submission.IndicatorNodeId, submission.Value!.Value, ValueOrigin.ApprovedSubmission, now, submission.Id));
            else
                value.ReplaceWithApproved(submission.Value!.Value, submission.Id, now);
        }

        foreach (var group in approved.GroupBy(s => s.DepartmentId))
        {
            var (title, body) = group.Count() == 1
                ? await DescribeAsync(db, group.First(), "审核通过", ct)
                : ($"{group.Count()} 条填报审核通过", "评估办已审核通过，数值将用于本期评分。");
            await NotificationService.NotifyDepartmentAsync(db, group.Key, NotificationKind.SubmissionApproved, title, body, "/submissions", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return refused;
    }

    public async Task ReturnAsync(Guid submissionId, string comment, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ReviewSubmissions, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await LoadAsync(db, submissionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        submission.Return(user.ToUserRef(), comment, now);
        var (title, _) = await DescribeAsync(db, submission, "被退回", ct);
        await NotificationService.NotifyDepartmentAsync(db, submission.DepartmentId, NotificationKind.SubmissionReturned, title,
            $"退回意见：{comment.Trim()}", "/submissions", now, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<(string Title, string Body)> DescribeAsync(EvalDbContext db, Submission submission, string what, CancellationToken ct)
    {
        var indicator = await db.IndicatorNodes.Where(n => n.Id == submission.IndicatorNodeId).Select(n => n.NameZh).SingleAsync(ct);
        var target = await db.Targets.Where(t => t.Id == submission.TargetId).Select(t => t.Name).SingleAsync(ct);
        var period = await db.Periods.Where(p => p.Id == submission.PeriodId).Select(p => p.Name).SingleAsync(ct);
        return ($"填报{what}：{indicator} · {target}", $"「{period}」{indicator} · {target}，本期值 {submission.Value}。");
    }

    /// <summary>Range checks a user can act on: percentages within 0–100, no negative counts, days or scores.</summary>
    internal static void ValidateValue(IndicatorNode node, double value)
    {
        if (!double.IsFinite(value))
            throw new DomainException($"「{node.NameZh}」的填报值必须是有效数字。");
        if (value < 0)
            throw new DomainException($"「{node.NameZh}」的填报值不能为负数（收到{value}）。");
        if (node.Unit is { } unit && unit.Contains('%') && value > 100)
            throw new DomainException($"「{node.NameZh}」的单位是{unit}，填报值不能超过100（收到{value}）。");
    }

    private async Task OwnAsync(Guid submissionId, Action<Submission, UserRef, DateTime> change, CancellationToken ct)
    {
        var user = await access.RequireAsync(Policies.SubmitData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await LoadAsync(db, submissionId, ct);
        await access.RequireSameDepartmentAsync(user, submission.DepartmentId, nameof(Submission), submissionId.ToString(), "这条填报不属于贵部门。", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var period = await db.Periods.SingleAsync(p => p.Id == submission.PeriodId, ct);
        RequireAccepts(period, submission.DepartmentId, now);
        change(submission, user.ToUserRef(), now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Why the department may not enter values in the period now, or null if it may: the period is not collecting, or the
    /// department's deadline in force (the later of its own and the period's) has passed — the message names that deadline.
    /// </summary>
    internal static string? RefusalFor(EvaluationPeriod period, Guid department, DateTime now)
    {
        if (period.AcceptsSubmissions(now, department))
            return null;
        return period.Status == PeriodStatus.Collecting && period.DeadlineFor(department) is { } deadline
            ? $"「{period.Name}」贵部门的填报截止时间为{BeijingTime.FromUtc(deadline):yyyy-MM-dd HH:mm}，已过截止时间，不能再填报。如需补报，请联系评估办。"
            : $"「{period.Name}」当前不接受填报（{EvaluationPeriod.Label(period.Status)}，不在填报中）。如需补报，请联系评估办。";
    }

    private static void RequireAccepts(EvaluationPeriod period, Guid department, DateTime now)
    {
        if (RefusalFor(period, department, now) is { } refusal)
            throw new DomainException(refusal);
    }

    private static async Task<Submission> LoadAsync(EvalDbContext db, Guid submissionId, CancellationToken ct) =>
        await db.Submissions.Include(s => s.History).SingleOrDefaultAsync(s => s.Id == submissionId, ct)
            ?? throw new DomainException("填报不存在或已被删除。");
}
