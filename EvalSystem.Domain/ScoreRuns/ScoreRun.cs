using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.ScoreRuns;

/// <summary>
/// 得分计算批次: one computation of a period's scores. It keeps the method and input fingerprints,
/// the inputs themselves (so the run can be reproduced bit for bit later), who ran it and when.
/// One run per period is published at a time; older runs stay readable.
/// </summary>
public sealed class ScoreRun
{
    private ScoreRun() { MethodHash = InputHash = RunByUserId = RunByName = string.Empty; InputSnapshot = []; }

    public ScoreRun(Guid periodId, Guid indicatorSystemId, int number, string methodHash, string inputHash, byte[] inputSnapshot,
        int targetCount, SensitivitySettings sensitivity, UserRef by, DateTime nowUtc)
    {
        if (number < 1)
            throw new DomainException("计算批次号必须从1开始。");
        Id = Guid.CreateVersion7();
        PeriodId = periodId;
        IndicatorSystemId = indicatorSystemId;
        Number = number;
        MethodHash = methodHash;
        InputHash = inputHash;
        InputSnapshot = inputSnapshot;
        TargetCount = targetCount;
        Draws = sensitivity.Draws;
        Perturbation = sensitivity.Perturbation;
        Seed = sensitivity.Seed;
        RunByUserId = by.UserId;
        RunByName = by.UserName;
        RunAtUtc = nowUtc;
        Status = ScoreRunStatus.Computed;
    }

    public Guid Id { get; private set; }
    public Guid PeriodId { get; private set; }
    /// <summary>The published indicator-system version the period is pinned to.</summary>
    public Guid IndicatorSystemId { get; private set; }
    /// <summary>1, 2, 3 … within the period.</summary>
    public int Number { get; private set; }
    public string MethodHash { get; private set; }
    public string InputHash { get; private set; }
    /// <summary>The engine input as compressed JSON (<see cref="ScoringInputSnapshot"/>).</summary>
    public byte[] InputSnapshot { get; private set; }
    public int TargetCount { get; private set; }
    public int Draws { get; private set; }
    public double Perturbation { get; private set; }
    public long Seed { get; private set; }
    public string RunByUserId { get; private set; }
    public string RunByName { get; private set; }
    public DateTime RunAtUtc { get; private set; }
    public ScoreRunStatus Status { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public string? PublishedBy { get; private set; }

    public SensitivitySettings Sensitivity => new(Draws, Perturbation, Seed);

    public static string Label(ScoreRunStatus status) => status switch
    {
        ScoreRunStatus.Computed => "未发布",
        ScoreRunStatus.Published => "已发布",
        ScoreRunStatus.Superseded => "已被替代",
        _ => status.ToString(),
    };

    public void Publish(UserRef by, DateTime nowUtc)
    {
        if (Status != ScoreRunStatus.Computed)
            throw new DomainException($"只能发布未发布的计算结果，第{Number}次计算当前为{Label(Status)}。");
        Status = ScoreRunStatus.Published;
        PublishedAtUtc = nowUtc;
        PublishedBy = by.UserName;
    }

    /// <summary>Another run of the same period was published instead; this one stays readable.</summary>
    public void Supersede()
    {
        if (Status != ScoreRunStatus.Published)
            throw new DomainException($"只有已发布的计算结果才会被替代，第{Number}次计算当前为{Label(Status)}。");
        Status = ScoreRunStatus.Superseded;
    }
}

public enum ScoreRunStatus
{
    Computed = 1,
    Published = 2,
    Superseded = 3,
}

/// <summary>Monte Carlo settings of a run: draws, relative weight perturbation and seed.</summary>
public sealed record SensitivitySettings(int Draws = 1000, double Perturbation = 0.25, long Seed = 20260101);
