using EvalSystem.Domain.Common;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.EvidenceFiles;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using EvidenceEntity = EvalSystem.Domain.Submissions.Evidence;

namespace EvalSystem.Web.Features.Submissions;

public sealed record EvidenceItem(Guid Id, string DisplayName, string ContentType, long SizeBytes, string Sha256, int SubmissionVersion,
    string UploadedBy, DateTime UploadedAtUtc, bool CanDelete);

/// <summary>
/// 佐证材料: a department attaches files to its own submission while it can still be edited; everyone who may read the
/// value may read its files. Files of submitted versions are kept; a draft's file may be removed.
/// </summary>
public sealed class EvidenceService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, EvidenceStore store, TimeProvider clock)
{
    private const string NotYours = "这份材料不属于贵部门，无权查看或修改。";

    public async Task<IReadOnlyList<EvidenceItem>> ListAsync(Guid submissionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await ReadableAsync(db, submissionId, ct);
        return await db.Evidence.AsNoTracking().Where(e => e.SubmissionId == submissionId).OrderBy(e => e.UploadedAtUtc)
            .Select(e => new EvidenceItem(e.Id, e.DisplayName, e.ContentType, e.SizeBytes, e.Sha256, e.SubmissionVersion, e.UploadedBy, e.UploadedAtUtc,
                e.SubmissionVersion > submission.Version))
            .ToListAsync(ct);
    }

    public async Task<EvidenceItem> AttachAsync(Guid submissionId, Stream content, string fileName, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.SubmitData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == submissionId, ct) ?? throw new DomainException("填报不存在或已被删除。");
        await access.RequireSameDepartmentAsync(user, submission.DepartmentId, nameof(Submission), submissionId.ToString(), NotYours, ct);
        if (submission.Status is not (SubmissionStatus.Draft or SubmissionStatus.Returned))
            throw new DomainException($"填报{Submission.Label(submission.Status)}，不能再添加佐证材料。");
        var stored = await db.Evidence.Where(e => e.SubmissionId == submissionId).SumAsync(e => (long?)e.SizeBytes, ct) ?? 0;
        StoredFile file;
        try
        {
            file = await store.SaveAsync(content, fileName, stored, ct);
        }
        catch (EvidenceRejectedException ex)
        {
            throw new DomainException(ex.Message);
        }
        try
        {
            // Attached to the version the next submit will create.
            var evidence = new EvidenceEntity(submissionId, submission.Version + 1, fileName, file.StoredName, file.ContentType, file.SizeBytes, file.Sha256,
                user.ToUserRef(), clock.GetUtcNow().UtcDateTime);
            db.Evidence.Add(evidence);
            await db.SaveChangesAsync(ct);
            return new EvidenceItem(evidence.Id, evidence.DisplayName, evidence.ContentType, evidence.SizeBytes, evidence.Sha256, evidence.SubmissionVersion,
                evidence.UploadedBy, evidence.UploadedAtUtc, true);
        }
        catch
        {
            store.Delete(file.StoredName); // no orphan file when the record could not be saved
            throw;
        }
    }

    public async Task RemoveAsync(Guid evidenceId, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.SubmitData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct) ?? throw new DomainException("佐证材料不存在。");
        var submission = await db.Submissions.SingleAsync(s => s.Id == evidence.SubmissionId, ct);
        await access.RequireSameDepartmentAsync(user, submission.DepartmentId, nameof(EvidenceEntity), evidenceId.ToString(), NotYours, ct);
        if (evidence.SubmissionVersion <= submission.Version)
            throw new DomainException($"「{evidence.DisplayName}」属于已提交的第{evidence.SubmissionVersion}版，必须保留。");
        db.Evidence.Remove(evidence);
        await db.SaveChangesAsync(ct);
        store.Delete(evidence.StoredName);
    }

    /// <summary>The file for a download: checked against the reader's department like the submission itself.</summary>
    public async Task<(EvidenceItem Item, Stream Content)> OpenAsync(Guid evidenceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId, ct) ?? throw new DomainException("佐证材料不存在。");
        var submission = await ReadableAsync(db, evidence.SubmissionId, ct);
        var item = new EvidenceItem(evidence.Id, evidence.DisplayName, evidence.ContentType, evidence.SizeBytes, evidence.Sha256, evidence.SubmissionVersion,
            evidence.UploadedBy, evidence.UploadedAtUtc, evidence.SubmissionVersion > submission.Version);
        return (item, store.OpenRead(evidence.StoredName));
    }

    /// <summary>Readers of all periods see every submission; a department user only its own department's.</summary>
    private async Task<Submission> ReadableAsync(EvalDbContext db, Guid submissionId, CancellationToken ct)
    {
        var user = await access.RequireAsync(Policies.ViewEvidence, ct);
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, ct) ?? throw new DomainException("填报不存在或已被删除。");
        await access.RequireReadableAsync(user, submission.DepartmentId, nameof(Submission), submissionId.ToString(), NotYours, ct);
        return submission;
    }
}
