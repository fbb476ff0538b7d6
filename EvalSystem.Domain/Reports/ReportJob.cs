using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Reports;

/// <summary>Where a report job stands: 排队中 → 生成中 → 已完成 or 失败; a completed job's file is removed after the retention period (已清理).</summary>
public enum ReportJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Expired,
}

/// <summary>
/// 报表任务: one user's request for one report, generated in the background. The job keeps what was asked (kind and
/// parameters, also in words), who asked, how far the generation got, and, once done, the file's size and SHA-256 so that
/// an auditor can prove a downloaded copy unchanged. The state only moves forward.
/// </summary>
public sealed class ReportJob
{
    public const int MaxKindLength = 40;
    public const int MaxMessageLength = 500;

    private ReportJob() { Kind = Title = ParametersJson = ParametersText = RequestedById = RequestedByName = string.Empty; }

    public ReportJob(string kind, string title, string parametersJson, string parametersText, UserRef requestedBy, Guid? requesterDepartmentId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(requestedBy);
        Id = Guid.CreateVersion7();
        Kind = Guard.Required(kind, "报表类型", MaxKindLength);
        Title = Guard.Required(title, "报表名称", 200);
        ParametersJson = parametersJson ?? "{}";
        ParametersText = parametersText ?? string.Empty;
        RequestedById = requestedBy.UserId;
        RequestedByName = requestedBy.UserName;
        RequesterDepartmentId = requesterDepartmentId;
        RequestedAtUtc = nowUtc;
        Status = ReportJobStatus.Queued;
        Message = "排队中";
    }

    public Guid Id { get; private set; }

    /// <summary>The catalogue key of the report, e.g. <c>ranking</c>.</summary>
    public string Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>The parameters as the generator reads them (JSON).</summary>
    public string ParametersJson { get; private set; }

    /// <summary>The parameters as the history shows them, in Chinese.</summary>
    public string ParametersText { get; private set; }

    public string RequestedById { get; private set; }
    public string RequestedByName { get; private set; }

    /// <summary>The requester's department when it is a department user: such users see only their own jobs.</summary>
    public Guid? RequesterDepartmentId { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public ReportJobStatus Status { get; private set; }

    /// <summary>0–100.</summary>
    public int Progress { get; private set; }

    public string? Message { get; private set; }
    public string? FileName { get; private set; }
    public long? SizeBytes { get; private set; }

    /// <summary>SHA-256 of the stored file, 64 lower-case hex digits.</summary>
    public string? Sha256 { get; private set; }

    public void Start(DateTime nowUtc)
    {
        if (Status != ReportJobStatus.Queued)
            throw new DomainException($"只能开始排队中的报表任务（当前状态 {Status}）。");
        Status = ReportJobStatus.Running;
        StartedAtUtc = nowUtc;
        Progress = 0;
        Message = "生成中";
    }

    public void Report(int progress, string message)
    {
        if (Status != ReportJobStatus.Running)
            throw new DomainException("只有生成中的报表任务才能更新进度。");
        Progress = Math.Clamp(progress, Progress, 99);
        Message = Trim(message);
    }

    public void Complete(string fileName, long sizeBytes, string sha256, DateTime nowUtc)
    {
        if (Status != ReportJobStatus.Running)
            throw new DomainException("只有生成中的报表任务才能完成。");
        if (sha256 is not { Length: 64 })
            throw new DomainException("报表文件的 SHA-256 必须是 64 位十六进制数。");
        FileName = Guard.Required(fileName, "文件名", 255);
        SizeBytes = sizeBytes;
        Sha256 = sha256.ToLowerInvariant();
        Status = ReportJobStatus.Completed;
        Progress = 100;
        FinishedAtUtc = nowUtc;
        Message = "已完成";
    }

    /// <summary>A queued or running job that could not be generated; the message says why, in words a user can act on.</summary>
    public void Fail(string message, DateTime nowUtc)
    {
        if (IsFinished)
            throw new DomainException("已结束的报表任务不能再标记为失败。");
        Status = ReportJobStatus.Failed;
        FinishedAtUtc = nowUtc;
        Message = Trim(string.IsNullOrWhiteSpace(message) ? "生成失败。" : message);
    }

    /// <summary>When the file was removed after the retention period (已清理); null while it is kept.</summary>
    public DateTime? ExpiredAtUtc { get; private set; }

    /// <summary>
    /// 已清理: the file of a completed job was removed after the retention period. The job stays as the record of who asked for
    /// what and when, with the file's size and SHA-256, so an auditor can still check a copy kept elsewhere.
    /// </summary>
    public void Expire(DateTime nowUtc)
    {
        if (Status != ReportJobStatus.Completed)
            throw new DomainException("只有已完成的报表才能清理文件。");
        Status = ReportJobStatus.Expired;
        ExpiredAtUtc = nowUtc;
        Message = "文件已超过保留期限并被清理，如需要请重新生成。";
    }

    public bool IsFinished => Status is ReportJobStatus.Completed or ReportJobStatus.Failed or ReportJobStatus.Expired;

    private static string Trim(string message) => message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
}
