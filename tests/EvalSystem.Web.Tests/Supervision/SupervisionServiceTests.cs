using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Notifications;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Supervision;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EvalSystem.Web.Tests.Supervision.SupervisionTestData;

namespace EvalSystem.Web.Tests.Supervision;

public sealed class SupervisionServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];

    private async Task<(Guid Id, string Number)> IssueToAmrAsync(string title)
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var number = await office.ServiceProvider.GetRequiredService<SupervisionService>().CreateAsync(new SupervisionTaskForm
        {
            Title = title,
            Problem = "开办企业环节多于承诺。",
            DepartmentId = await DepartmentAsync(app, "AMR"),
            RegionCode = "990105",
            SupportingDepartmentIds = [await DepartmentAsync(app, "TAX")],
            Deadline = Today.AddDays(10),
            Priority = SupervisionPriority.Important,
        });
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var id = (await db.SupervisionTasks.AsNoTracking().ToListAsync()).Single(t => t.Number.ToString() == number).Id;
        return (id, number);
    }

    [Fact]
    public async Task ATask_GoesFromIssuedToClosed_ThroughTheDatabase_WithHistoryFilesNotificationsAndAudit()
    {
        var (id, number) = await IssueToAmrAsync("压减开办企业环节");
        Assert.Matches(@"^DC-\d{4}-\d{4}$", number);

        await using (var amr = await app.ScopeAsAccountAsync("dept-amr"))
        {
            var service = amr.ServiceProvider.GetRequiredService<SupervisionService>();
            var db = amr.ServiceProvider.GetRequiredService<EvalDbContext>();
            var me = await db.Users.Where(u => u.UserName == "dept-amr").Select(u => u.Id).SingleAsync();
            Assert.True(await db.Notifications.AnyAsync(n => n.RecipientUserId == me && n.Kind == NotificationKind.SupervisionIssued && n.Title.Contains(number)));

            await service.AcceptAsync(id);
            var empty = await Assert.ThrowsAsync<DomainException>(() => service.ReportProgressAsync(id, "  ", []));
            Assert.Contains("整改进展不能为空", empty.Message);
            await service.ReportProgressAsync(id, "已取消两个环节。", [new UploadedFile("现场照片.png", new MemoryStream(Png))]);
            await service.SubmitForVerificationAsync(id, "整改完成。");
        }

        await using (var office = await app.ScopeAsAccountAsync("office"))
        {
            var detail = await office.ServiceProvider.GetRequiredService<SupervisionQueries>().GetAsync(id);
            Assert.True(detail.Allowed.Verify);
            var report = Assert.Single(detail.Progress);
            var file = Assert.Single(report.Files);
            Assert.Equal(("现场照片.png", "image/png", 64), (file.DisplayName, file.ContentType, file.Sha256.Length));
            Assert.Equal(["税务局"], detail.SupportingDepartments);

            await office.ServiceProvider.GetRequiredService<SupervisionService>().CloseAsync(id, "核验通过。");
            detail = await office.ServiceProvider.GetRequiredService<SupervisionQueries>().GetAsync(id);
            Assert.Equal(SupervisionStatus.Closed, detail.Row.Status);
            Assert.True(detail.Row.ClosedOnTime);
            Assert.Equal(
                [SupervisionAction.Issued, SupervisionAction.Accepted, SupervisionAction.ProgressReported, SupervisionAction.SubmittedForVerification, SupervisionAction.Closed],
                detail.History.Select(h => h.Action));
            // People read display names; the stored records keep the login names the audit trail matches on.
            Assert.Equal(["评估办 王主任", "市场监督管理局填报员", "市场监督管理局填报员", "市场监督管理局填报员", "评估办 王主任"], detail.History.Select(h => h.UserName));
            Assert.Equal(("评估办 王主任", "市场监督管理局填报员"), (detail.CreatedBy, detail.Progress.Single().ReportedBy));
            var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
            Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SupervisionTask) && a.EntityKey == id.ToString()) >= 5);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SupervisionAttachment) && a.Action == AuditActions.Insert));
        }
    }

    [Fact]
    public async Task AnotherDepartment_IsRefusedAndAudited_AndLeadersAndAuditorsCannotWrite()
    {
        var (id, _) = await IssueToAmrAsync("另一部门不能办理");
        await using (var tax = await app.ScopeAsAccountAsync("dept-tax"))
        {
            var service = tax.ServiceProvider.GetRequiredService<SupervisionService>();
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => service.AcceptAsync(id));
            Assert.Contains("不是交办给贵部门", refused.Message);
            await Assert.ThrowsAsync<AccessDeniedException>(() => tax.ServiceProvider.GetRequiredService<SupervisionQueries>().GetAsync(id));
            Assert.DoesNotContain(await tax.ServiceProvider.GetRequiredService<SupervisionQueries>().ListAsync(new SupervisionFilter()), r => r.Id == id);
            var db = tax.ServiceProvider.GetRequiredService<EvalDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityKey == id.ToString()));
            Assert.Equal(SupervisionStatus.Issued, (await db.SupervisionTasks.AsNoTracking().SingleAsync(t => t.Id == id)).Status);
        }

        foreach (var reader in new[] { "leader", "auditor" })
        {
            await using var scope = await app.ScopeAsAccountAsync(reader);
            Assert.Contains(await scope.ServiceProvider.GetRequiredService<SupervisionQueries>().ListAsync(new SupervisionFilter()), r => r.Id == id);
            var service = scope.ServiceProvider.GetRequiredService<SupervisionService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.CloseAsync(id, null));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.AcceptAsync(id));
            Assert.False((await scope.ServiceProvider.GetRequiredService<SupervisionQueries>().GetAsync(id)).Allowed.Any);
        }
    }

    [Fact]
    public async Task BadInput_IsRefusedWithASentence_AndNothingIsStored()
    {
        await using var office = await app.ScopeAsAccountAsync("office");
        var service = office.ServiceProvider.GetRequiredService<SupervisionService>();
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var before = await db.SupervisionTasks.CountAsync();
        var amrId = await DepartmentAsync(app, "AMR");
        var past = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(new SupervisionTaskForm
        {
            Title = "过期任务", Problem = "期限已过。", DepartmentId = amrId, Deadline = Today.AddDays(-1),
        }));
        Assert.Contains("已经过去", past.Message);
        Assert.Equal(before, await db.SupervisionTasks.CountAsync());

        var (id, _) = await IssueToAmrAsync("不能跳过核验");
        var early = await Assert.ThrowsAsync<DomainException>(() => service.CloseAsync(id, null));
        Assert.Contains("待核验", early.Message);

        await using var amr = await app.ScopeAsAccountAsync("dept-amr");
        var dept = amr.ServiceProvider.GetRequiredService<SupervisionService>();
        await dept.AcceptAsync(id);
        var deadline = (await db.SupervisionTasks.AsNoTracking().SingleAsync(t => t.Id == id)).Deadline;
        var tooLong = await Assert.ThrowsAsync<DomainException>(() => dept.RequestExtensionAsync(id, "需要协调", deadline.AddDays(31)));
        Assert.Contains("最长30天", tooLong.Message);
        var wrongType = await Assert.ThrowsAsync<DomainException>(() => dept.ReportProgressAsync(id, "附件", [new UploadedFile("报告.pdf", new MemoryStream(Png))]));
        Assert.Contains("报告.pdf", wrongType.Message);
        var stored = await db.SupervisionTasks.AsNoTracking().Include(t => t.Extensions).Include(t => t.ProgressReports).SingleAsync(t => t.Id == id);
        Assert.Empty(stored.Extensions);
        Assert.Empty(stored.ProgressReports);
        Assert.False(await db.SupervisionAttachments.AnyAsync(a => a.TaskId == id));

        await dept.RequestExtensionAsync(id, "涉及多部门协调", deadline.AddDays(20));
        await service.ApproveExtensionAsync(id, null);
        Assert.Equal(deadline.AddDays(20), (await db.SupervisionTasks.AsNoTracking().SingleAsync(t => t.Id == id)).Deadline);
    }

    [Fact]
    public async Task IssuingAtTheSameMoment_GivesEveryTaskItsOwnNumber()
    {
        var amr = await DepartmentAsync(app, "AMR");
        var scopes = new List<AsyncServiceScope>();
        for (var i = 0; i < 4; i++)
            scopes.Add(await app.ScopeAsAccountAsync("office"));
        var numbers = await Task.WhenAll(scopes.Select((scope, i) => scope.ServiceProvider.GetRequiredService<SupervisionService>().CreateAsync(new SupervisionTaskForm
        {
            Title = $"并发下发{i}", Problem = "同时下发。", DepartmentId = amr, Deadline = Today.AddDays(5),
        })));
        foreach (var scope in scopes)
            await scope.DisposeAsync();

        Assert.Equal(4, numbers.Distinct().Count());
        var sequences = numbers.Select(n => SupervisionNumber.Parse(n).Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 4), sequences); // consecutive: no number lost or taken twice
    }

    [Fact]
    public async Task TheRegister_DownloadsForTheOfficeAndAuditors_NotForDepartments()
    {
        var (_, number) = await IssueToAmrAsync("台账中的任务");
        foreach (var reader in new[] { "office", "auditor" })
        {
            using var client = await AppFixture.SignedInAsync(app, reader);
            var response = await client.GetAsync("/files/supervision/register.xlsx");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Contains(book.Worksheet("督办台账").CellsUsed(), c => c.GetString() == number);
        }

        using var dept = await AppFixture.SignedInAsync(app, "dept-amr");
        var refused = await dept.GetAsync("/files/supervision/register.xlsx");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverdueTasks_AreEscalated_AndTheOfficeIsTold()
    {
        var amr = await DepartmentAsync(app, "AMR");
        var task = await StoreAsync(app, 8001, amr, "990106", Today.AddDays(-6));
        await using var office = await app.ScopeAsAccountAsync("office");
        var raised = await office.ServiceProvider.GetRequiredService<SupervisionService>().EscalateOverdueAsync();
        Assert.True(raised >= 1);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(2, (await db.SupervisionTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id)).EscalationLevel); // 6 days: past the 1- and 5-day steps
        var me = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientUserId == me && n.Kind == NotificationKind.SupervisionEscalated && n.Title.Contains("DC-2026-8001")));
        var board = await office.ServiceProvider.GetRequiredService<SupervisionQueries>().ListAsync(new SupervisionFilter(OverdueOnly: true));
        Assert.Equal(6, board.Single(r => r.Id == task.Id).DaysOverdue);
        Assert.Equal(0, await office.ServiceProvider.GetRequiredService<SupervisionService>().EscalateOverdueAsync()); // same day: nothing new
    }
}
