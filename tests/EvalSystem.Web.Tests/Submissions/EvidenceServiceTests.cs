using System.Net;
using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.EvidenceFiles;
using EvalSystem.Web.Features.Submissions;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Submissions;

public sealed class EvidenceServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private async Task<Guid> DraftAsync(string targetName)
    {
        var ids = await SubmissionServiceTests.IdsAsync(app, targetName);
        await using var dept = app.ScopeAs("dept-amr", Roles.Department, ids.Amr);
        return await dept.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 3, null);
    }

    private async Task<AsyncServiceScope> AmrAsync() =>
        app.ScopeAs("dept-amr", Roles.Department, (await SubmissionServiceTests.IdsAsync(app, "中心区")).Amr);

    private int FilesOnDisk() =>
        app.Factory.Services.GetRequiredService<EvidenceStore>().FolderPath is var folder && Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

    [Fact]
    public async Task Department_AttachesAPdf_AndItIsKeptOnceSubmitted()
    {
        var submissionId = await DraftAsync("中心区");
        await using var dept = await AmrAsync();
        var evidence = dept.ServiceProvider.GetRequiredService<EvidenceService>();

        var item = await evidence.AttachAsync(submissionId, new MemoryStream(Pdf), "营业执照.pdf");
        await dept.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(submissionId);

        var listed = Assert.Single(await evidence.ListAsync(submissionId));
        Assert.Equal(("营业执照.pdf", "application/pdf", (long)Pdf.Length, 1, false), (listed.DisplayName, listed.ContentType, listed.SizeBytes, listed.SubmissionVersion, listed.CanDelete));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), listed.Sha256);
        var kept = await Assert.ThrowsAsync<DomainException>(() => evidence.RemoveAsync(item.Id));
        Assert.Contains("必须保留", kept.Message);
    }

    [Fact]
    public async Task AFileWhoseExtensionLies_IsRefused_AndNothingIsStored()
    {
        var submissionId = await DraftAsync("东城区");
        await using var dept = await AmrAsync();
        var before = FilesOnDisk();

        var ex = await Assert.ThrowsAsync<DomainException>(() => dept.ServiceProvider.GetRequiredService<EvidenceService>().AttachAsync(submissionId, new MemoryStream(Png), "报告.pdf"));

        Assert.Contains("报告.pdf", ex.Message);
        Assert.False(await dept.ServiceProvider.GetRequiredService<EvalDbContext>().Evidence.AnyAsync(e => e.SubmissionId == submissionId));
        Assert.Equal(before, FilesOnDisk());
    }

    [Fact]
    public async Task AnotherDepartment_CannotAttachToOrReadTheSubmission_AndIsAudited()
    {
        var submissionId = await DraftAsync("西城区");
        var ids = await SubmissionServiceTests.IdsAsync(app, "西城区");
        await using var tax = app.ScopeAs("dept-tax", Roles.Department, ids.Tax);
        var evidence = tax.ServiceProvider.GetRequiredService<EvidenceService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => evidence.AttachAsync(submissionId, new MemoryStream(Pdf), "x.pdf"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => evidence.ListAsync(submissionId));

        var db = tax.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.AccessDenied && a.EntityKey == submissionId.ToString() && a.UserName == "dept-tax"));
    }

    [Fact]
    public async Task DownloadLink_AnswersPerDepartment_AndNeverLetsTheBrowserSniff()
    {
        var submissionId = await DraftAsync("南湖区");
        Guid evidenceId;
        await using (var dept = await AmrAsync())
            evidenceId = (await dept.ServiceProvider.GetRequiredService<EvidenceService>().AttachAsync(submissionId, new MemoryStream(Pdf), "证明.pdf")).Id;
        var url = $"/files/evidence/{evidenceId}";

        var own = await (await AppFixture.SignedInAsync(app, "dept-amr")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Pdf, await own.Content.ReadAsByteArrayAsync());

        var other = await (await AppFixture.SignedInAsync(app, "dept-tax")).GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        var leader = await (await AppFixture.SignedInAsync(app, "leader")).GetAsync(url + "?inline=true");
        Assert.Equal(HttpStatusCode.OK, leader.StatusCode);
        Assert.Equal("inline", leader.Content.Headers.ContentDisposition!.DispositionType);

        var anonymous = await app.NewClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
