using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Notifications;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Features.Notifications;
using EvalSystem.Web.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Notifications;

/// <summary>
/// On 20 November 2026 the product ships no 2027 holiday schedule: the bell asks the administrator to enter it and tells the
/// office why it matters, until it is entered.
/// </summary>
public sealed class CalendarReminderTests(SeededOnTwentiethNovember fixture) : IClassFixture<SeededOnTwentiethNovember>
{
    private async Task<InboxItem?> ReminderAsync(string account)
    {
        await using var scope = await fixture.App.ScopeAsAccountAsync(account);
        var inbox = await scope.ServiceProvider.GetRequiredService<NotificationService>().InboxAsync();
        return inbox.Items.SingleOrDefault(i => i.Kind == NotificationKind.CalendarMissing);
    }

    [Fact]
    public async Task TheMissingNextYear_IsAskedFor_UntilTheAdministratorEntersIt()
    {
        var admin = await ReminderAsync("admin");
        Assert.NotNull(admin);
        Assert.Equal(("工作日历缺少2027年放假安排", "/admin"), (admin.Title, admin.Link));
        Assert.Contains("系统管理 → 工作日历", admin.Body);
        var office = await ReminderAsync("office");
        Assert.NotNull(office);
        Assert.Contains("请联系系统管理员", office.Body);
        Assert.Null(await ReminderAsync("dept-amr"));
        Assert.Null(await ReminderAsync("leader"));

        await using (var scope = await fixture.App.ScopeAsAccountAsync("admin"))
        {
            await scope.ServiceProvider.GetRequiredService<WorkingCalendarService>().SaveYearAsync(2027,
                [new CalendarDay(new DateOnly(2027, 1, 1), CalendarDayKind.PublicHoliday, "元旦")]);
        }

        Assert.Null(await ReminderAsync("admin"));
        Assert.Null(await ReminderAsync("office"));
    }
}
