using EvalSystem.Domain.Reports;

namespace EvalSystem.Web.Features.Reports;

/// <summary>A report the current user may request.</summary>
public sealed record ReportKindOption(string Key, string DisplayName, string Description, ReportInputs Inputs)
{
    public bool Has(ReportInputs input) => (Inputs & input) == input;
}

/// <summary>A score run to pick: e.g. "2026年第二季度 · 地区 · 第1次计算".</summary>
public sealed record ReportRunOption(Guid RunId, string Label, bool IsPublished);

public sealed record ReportPeriodOption(Guid PeriodId, string Name);

public sealed record ReportTargetOption(Guid TargetId, string Name);

/// <summary>What the request form offers the current user.</summary>
public sealed record ReportCenterChoices(IReadOnlyList<ReportKindOption> Kinds, IReadOnlyList<ReportRunOption> Runs, IReadOnlyList<ReportPeriodOption> Periods);

/// <summary>One line of the history (生成记录).</summary>
public sealed record ReportJobRow(
    Guid Id,
    string KindName,
    string Title,
    string ParametersText,
    string RequestedBy,
    DateTime RequestedAtUtc,
    ReportJobStatus Status,
    int Progress,
    string? Message,
    string? FileName,
    long? SizeBytes,
    string? Sha256)
{
    public bool IsFinished => Status is ReportJobStatus.Completed or ReportJobStatus.Failed or ReportJobStatus.Expired;

    public string StatusText => StatusName(Status);

    public string DownloadUrl => $"/files/reports/{Id}";

    public static string StatusName(ReportJobStatus status) => status switch
    {
        ReportJobStatus.Queued => "排队中",
        ReportJobStatus.Running => "生成中",
        ReportJobStatus.Completed => "已完成",
        ReportJobStatus.Expired => "已清理",
        _ => "失败",
    };

    /// <summary>e.g. 12.3 KB, 4.5 MB.</summary>
    public string SizeText => SizeBytes switch
    {
        null => "",
        < 1024 => $"{SizeBytes} B",
        < 1024 * 1024 => $"{SizeBytes / 1024.0:0.#} KB",
        _ => $"{SizeBytes / 1024.0 / 1024.0:0.#} MB",
    };
}

/// <summary>A stored report opened for download; the caller disposes the stream.</summary>
public sealed record ReportDownload(string FileName, Stream Content);
