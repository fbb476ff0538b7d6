namespace EvalSystem.Web.Features.Reports;

/// <summary>The "Reports" configuration section: where generated reports are kept and how many are generated at once.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The folder holding generated report files; a relative path resolves against the content root.</summary>
    public string StorePath { get; set; } = "App_Data/reports";

    /// <summary>How many reports are generated at the same time; the rest wait in the queue (排队中).</summary>
    public int MaxConcurrentGenerations { get; set; } = 2;

    /// <summary>Days a generated file is kept after it was completed; older files are removed (已清理) and the job stays in the history. 0 keeps files for ever.</summary>
    public int RetentionDays { get; set; } = 90;
}
