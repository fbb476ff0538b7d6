namespace EvalSystem.Web.Features.EvidenceFiles;

/// <summary>The "Evidence" configuration section: where 佐证材料 files live and how large they may be.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The folder holding the files; a relative path resolves against the content root.</summary>
    public string Folder { get; set; } = "App_Data/evidence";

    /// <summary>The largest single file accepted.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The largest total of all files attached to one submission.</summary>
    public long MaxSubmissionBytes { get; set; } = 100 * 1024 * 1024;
}
