using System.Text.RegularExpressions;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Submissions;

/// <summary>
/// 佐证材料: a file attached to a submission. The bytes live outside the web root under
/// <see cref="StoredName"/>; the original file name is display text only.
/// </summary>
public sealed partial class Evidence
{
    public static readonly IReadOnlySet<string> AllowedContentTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private Evidence() { DisplayName = StoredName = ContentType = Sha256 = UploadedBy = string.Empty; }

    public Evidence(Guid submissionId, int submissionVersion, string displayName, string storedName,
        string contentType, long sizeBytes, string sha256, UserRef uploadedBy, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Any(char.IsControl) || displayName.IndexOfAny(['/', '\\']) >= 0 || displayName.Contains("..", StringComparison.Ordinal))
            throw new DomainException($"文件名「{displayName}」无效：不能包含路径、控制字符或“..”。");
        if (!AllowedContentTypes.Contains(contentType))
            throw new DomainException($"不支持的文件类型「{contentType}」，只接受 PDF、PNG、JPEG、DOCX、XLSX。");
        if (sizeBytes <= 0)
            throw new DomainException($"文件「{displayName}」是空文件。");
        if (sha256 is null || !Sha256Hex().IsMatch(sha256))
            throw new DomainException("SHA-256 必须是64位小写十六进制。");
        Id = Guid.CreateVersion7();
        SubmissionId = submissionId;
        SubmissionVersion = submissionVersion;
        DisplayName = Guard.Required(displayName, "文件名", 255);
        StoredName = Guard.Required(storedName, "存储名", 100);
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedBy = uploadedBy.UserName;
        UploadedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid SubmissionId { get; private set; }
    /// <summary>The submission version this file was attached to (0 = first draft).</summary>
    public int SubmissionVersion { get; private set; }
    public string DisplayName { get; private set; }
    public string StoredName { get; private set; }
    /// <summary>Sniffed from the bytes, never taken from the file name.</summary>
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; }
    public string UploadedBy { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
