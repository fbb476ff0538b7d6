using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Supervision;

/// <summary>
/// 督查督办规则: the office's settings for extensions and escalation, passed into the task's methods.
/// Days are calendar days.
/// </summary>
public sealed record SupervisionPolicy
{
    /// <param name="maxExtensionDays">The longest one extension may push a deadline, in days (default 30).</param>
    /// <param name="escalationSteps">
    /// Days overdue at which escalation level 1, 2, 3 … begins, strictly increasing (default 1, 5, 10:
    /// one day overdue → level 1, five → level 2, ten → level 3). Empty means tasks are never escalated.
    /// </param>
    public SupervisionPolicy(int maxExtensionDays = 30, IReadOnlyList<int>? escalationSteps = null)
    {
        if (maxExtensionDays < 1)
            throw new DomainException($"单次延期的最长天数至少为1天，当前为{maxExtensionDays}天。");
        int[] steps = escalationSteps?.ToArray() ?? [1, 5, 10];
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] < 1)
                throw new DomainException($"督办升级的超期天数至少为1天，第{i + 1}级为{steps[i]}天。");
            if (i > 0 && steps[i] <= steps[i - 1])
                throw new DomainException($"督办升级的超期天数必须逐级递增，第{i + 1}级（{steps[i]}天）没有超过第{i}级（{steps[i - 1]}天）。");
        }

        MaxExtensionDays = maxExtensionDays;
        EscalationSteps = steps;
    }

    public static SupervisionPolicy Default { get; } = new();

    public int MaxExtensionDays { get; }

    public IReadOnlyList<int> EscalationSteps { get; }

    /// <summary>The escalation level a task this many days overdue has reached (0 when not overdue).</summary>
    public int LevelFor(int daysOverdue) => EscalationSteps.Count(step => daysOverdue >= step);
}
