using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;

namespace EvalSystem.Domain.Tests.Supervision;

/// <summary>A responsible department, another department, their users and a clock in China Standard Time.</summary>
internal static class SupervisionFixture
{
    public static readonly Guid Dept = Guid.Parse("0195f0a0-0000-7000-8000-000000000001");
    public static readonly Guid OtherDept = Guid.Parse("0195f0a0-0000-7000-8000-000000000002");
    public static readonly UserRef Clerk = new("u-amr", "市场监管局 张三");
    public static readonly UserRef Office = new("u-office", "评估办 李四");
    public static readonly SupervisionNumber Number = new(2026, 1);

    /// <summary>2026-03-02 09:00 in Beijing.</summary>
    public static readonly DateTimeOffset Now = At(new DateOnly(2026, 3, 2));

    public static DateOnly Today => new(2026, 3, 2);

    public static DateTimeOffset At(DateOnly date, int hour = 9) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    public static SupervisionTaskDraft Draft(DateOnly? deadline = null, Guid? department = null) => new(
        "开办企业时间超出承诺时限",
        "石桥县开办企业平均用时4.5个工作日，超过承诺的3个工作日。",
        SupervisionSource.Manual,
        department ?? Dept,
        deadline ?? Today.AddDays(20));

    public static SupervisionTask Issue(DateOnly? deadline = null, Guid? department = null, DateTimeOffset? now = null) =>
        new(Number, Draft(deadline, department), Office, now ?? Now);

    /// <summary>A task brought to <paramref name="status"/> by the shortest legal path, all on <see cref="Now"/>.</summary>
    public static SupervisionTask InState(SupervisionStatus status)
    {
        var task = Issue();
        if (status == SupervisionStatus.Issued)
            return task;
        task.Accept(Clerk, Dept, Now);
        if (status == SupervisionStatus.Accepted)
            return task;
        task.ReportProgress(Clerk, Dept, "已梳理开办流程，压减2个环节。", null, Now);
        if (status == SupervisionStatus.InProgress)
            return task;
        task.SubmitForVerification(Clerk, Dept, "整改完成。", Now);
        if (status == SupervisionStatus.SubmittedForVerification)
            return task;
        if (status == SupervisionStatus.SentBack)
        {
            task.SendBack(Office, "佐证材料不足。", Now);
            return task;
        }

        task.Close(Office, "核验通过。", Now);
        return task;
    }

    /// <summary>Accepts, reports, submits and closes a task on <paramref name="closedOn"/>.</summary>
    public static void CloseOn(SupervisionTask task, DateOnly closedOn)
    {
        var at = At(closedOn);
        if (task.Status == SupervisionStatus.Issued)
            task.Accept(Clerk, task.DepartmentId, at);
        task.ReportProgress(Clerk, task.DepartmentId, "整改完成。", null, at);
        task.SubmitForVerification(Clerk, task.DepartmentId, null, at);
        task.Close(Office, null, at);
    }
}
