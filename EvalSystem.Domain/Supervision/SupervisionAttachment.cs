using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Supervision;

/// <summary>
/// 整改佐证材料: a file attached to a progress report of a supervision task. The bytes live in the same evidence store as
/// submission evidence (generated name, content sniffed from the bytes, SHA-256); this record is what a
/// <see cref="SupervisionProgressReport.EvidenceFileIds"/> entry points to. Kept apart from submission <c>Evidence</c>,
/// which belongs to a submission version (docs/adr/008-supervision-storage.md).
/// </summary>
public sealed class SupervisionAttachment
{
    private SupervisionAttachment() { DisplayName = StoredName = ContentType = Sha256 = UploadedByUserId = UploadedByName = string.Empty; }

    public SupervisionAttachment(Guid id, Guid taskId, string displayName, string storedName, string contentType, long sizeBytes, string sha256,
        UserRef by, DateTime uploadedAtUtc)
    {
        if (id == Guid.Empty || taskId == Guid.Empty)
            throw new DomainException("佐证材料必须属于一个督查任务。");
        if (sizeBytes <= 0)
            throw new DomainException("佐证材料不能是空文件。");
        if (sha256 is null || sha256.Length != 64)
            throw new DomainException("佐证材料缺少有效的 SHA-256 摘要。");
        Id = id;
        TaskId = taskId;
        DisplayName = Guard.Required(displayName, "文件名", 255);
        StoredName = Guard.Required(storedName, "存储名", 100);
        ContentType = Guard.Required(contentType, "文件类型", 100);
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedByUserId = by.UserId;
        UploadedByName = by.UserName;
        UploadedAtUtc = uploadedAtUtc;
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public string DisplayName { get; private set; }
    public string StoredName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; }
    public string UploadedByUserId { get; private set; }
    public string UploadedByName { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }
}
