using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Notifications;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Notifications;
using EvalSystem.Web.Features.Periods;
using EvalSystem.Web.Features.Submissions;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using EvalSystem.Web.Tests.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Notifications;

/// <summary>Its own app: the tests submit, review and move the collecting period's deadline.</summary>
public sealed class NotificationServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> SubmittedAsync(string target, double value)
    {
        var ids = await SubmissionServiceTests.IdsAsync(app, target);
        await using var dept = await app.ScopeAsAccountAsync("dept-amr");
        var submissions = dept.ServiceProvider.GetRequiredService<SubmissionService>();
        var id = await submissions.SaveDraftAsync(ids.Period, ids.KB1, ids.Target, value, null);
        await submissions.SubmitAsync(id);
        return id;
    }

    private async Task<Inbox> InboxOfAsync(string userName)
    {
        await using var scope = await app.ScopeAsAccountAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<NotificationService>().InboxAsync();
    }

    [Fact]
    public async Task ReturningASubmission_NotifiesTheDepartment_WithTheComment_AndNobodyElse()
    {
        var id = await SubmittedAsync("东城区", 4);
        var before = (await InboxOfAsync("dept-tax")).UnreadCount;

        await using (var office = await app.ScopeAsAccountAsync("office"))
            await office.ServiceProvider.GetRequiredService<SubmissionService>().ReturnAsync(id, "环节数与登记系统不一致");

        var inbox = await InboxOfAsync("dept-amr");
        var item = Assert.Single(inbox.Items, i => i.Kind == NotificationKind.SubmissionReturned && i.Title.Contains("东城区"));
        Assert.Contains("东城区", item.Title);
        Assert.Contains("环节数与登记系统不一致", item.Body);
        Assert.Equal("/submissions", item.Link);
        Assert.False(item.IsRead);
        Assert.True(inbox.UnreadCount >= 1);
        Assert.Equal(before, (await InboxOfAsync("dept-tax")).UnreadCount);
    }

    [Fact]
    public async Task ApprovingSeveralAtOnce_SendsOneNotificationPerDepartment()
    {
        var ids = new[] { await SubmittedAsync("西城区", 3), await SubmittedAsync("高新区", 2) };
        var approvedBefore = (await InboxOfAsync("dept-amr")).Items.Count(i => i.Kind == NotificationKind.SubmissionApproved);

        await using (var office = await app.ScopeAsAccountAsync("office"))
        {
            var refused = await office.ServiceProvider.GetRequiredService<SubmissionService>().ApproveManyAsync(ids);
            Assert.Empty(refused);
        }

        var approved = (await InboxOfAsync("dept-amr")).Items.Where(i => i.Kind == NotificationKind.SubmissionApproved).ToList();
        Assert.Equal(approvedBefore + 1, approved.Count);
        Assert.Contains("2 条填报审核通过", approved[0].Title);
    }

    [Fact]
    public async Task MarkingRead_LowersTheCount_AndAnotherUsersNotificationIsRefusedAndAudited()
    {
        var id = await SubmittedAsync("北山区", 5);
        await using (var office = await app.ScopeAsAccountAsync("office"))
            await office.ServiceProvider.GetRequiredService<SubmissionService>().ReturnAsync(id, "请补充佐证材料");
        var inbox = await InboxOfAsync("dept-amr");
        var notification = inbox.Items.First(i => i.Id is not null && !i.IsRead && i.Body.Contains("请补充佐证材料"));

        await using (var tax = await app.ScopeAsAccountAsync("dept-tax"))
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => tax.ServiceProvider.GetRequiredService<NotificationService>().MarkReadAsync(notification.Id!.Value));
            Assert.Contains("不是发给您的", refused.Message);
            var db = tax.ServiceProvider.GetRequiredService<EvalDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityKey == notification.Id.ToString()));
        }
        Assert.Equal(inbox.UnreadCount, (await InboxOfAsync("dept-amr")).UnreadCount);

        await using (var amr = await app.ScopeAsAccountAsync("dept-amr"))
            await amr.ServiceProvider.GetRequiredService<NotificationService>().MarkReadAsync(notification.Id!.Value);
        var after = await InboxOfAsync("dept-amr");
        Assert.Equal(inbox.UnreadCount - 1, after.UnreadCount);
        Assert.True(after.Items.Single(i => i.Id == notification.Id).IsRead);

        await using (var amr = await app.ScopeAsAccountAsync("dept-amr"))
            await amr.ServiceProvider.GetRequiredService<NotificationService>().MarkAllReadAsync();
        Assert.DoesNotContain((await InboxOfAsync("dept-amr")).Items, i => i.Id is not null && !i.IsRead);
    }

    [Fact]
    public async Task ADeadlineWithinThreeDays_RemindsDepartmentsWithOpenItems_AndTheOfficeSeesWhatWaits()
    {
        var ids = await SubmissionServiceTests.IdsAsync(app, "中心区");
        Assert.DoesNotContain((await InboxOfAsync("dept-amr")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);
        await SubmittedAsync("经开区", 3);

        await using (var office = await app.ScopeAsAccountAsync("office"))
            await office.ServiceProvider.GetRequiredService<PeriodService>().ChangeDeadlineAsync(ids.Period, DateTime.UtcNow.AddDays(2));

        var reminder = Assert.Single((await InboxOfAsync("dept-amr")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);
        Assert.Contains("即将截止", reminder.Title);
        Assert.Contains("尚有", reminder.Body);
        Assert.Null(reminder.Id); // derived from the state, not stored
        var officeInbox = await InboxOfAsync("office");
        Assert.Contains(officeInbox.Items, i => i.Kind == NotificationKind.AwaitingReview && i.Link == "/review");
        Assert.DoesNotContain((await InboxOfAsync("leader")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);
    }
}
