using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Notifications;
using EvalSystem.Domain.Periods;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Notifications;
using EvalSystem.Web.Features.Periods;
using EvalSystem.Web.Features.Submissions;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using EvalSystem.Web.Tests.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Periods;

/// <summary>The real clock, moved forward on demand: deadlines can only be set in the future, then time passes them.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    /// <summary>Moves the clock to <paramref name="utc"/> until the returned scope is disposed.</summary>
    public IDisposable At(DateTime utc)
    {
        Offset = utc - System.GetUtcNow().UtcDateTime;
        return new Reset(this);
    }

    private sealed class Reset(MovableClock clock) : IDisposable
    {
        public void Dispose() => clock.Offset = TimeSpan.Zero;
    }
}

public sealed class MovableClockAppFixture : IAsyncLifetime
{
    public MovableClock Clock { get; } = new();

    public AppFixture App { get; }

    public MovableClockAppFixture() => App = new AppFixture(services => services.AddSingleton<TimeProvider>(Clock));

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>部门单独截止时间: its own app and clock, because the tests move deadlines of the collecting quarter and time itself.</summary>
public sealed class DepartmentDeadlineTests(MovableClockAppFixture fixture) : IClassFixture<MovableClockAppFixture>
{
    private AppFixture App => fixture.App;
    private MovableClock Clock => fixture.Clock;

    private async Task<(Guid Id, DateTime Deadline)> CollectingQuarterAsync()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var period = await scope.ServiceProvider.GetRequiredService<EvalDbContext>().Periods.AsNoTracking().SingleAsync(p => p.Name == "2026年第四季度");
        return (period.Id, period.SubmissionDeadlineUtc!.Value);
    }

    private async Task<Guid> DepartmentAsync(string code)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvalDbContext>().Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    private async Task<List<PeriodDepartmentDeadline>> StoredAsync(Guid periodId)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvalDbContext>().Set<PeriodDepartmentDeadline>().AsNoTracking()
            .Where(d => d.PeriodId == periodId).ToListAsync();
    }

    /// <summary>What the 评价周期 table shows as 另有N个部门单独截止.</summary>
    private async Task<int> OwnDeadlineCountAsync(Guid periodId)
    {
        await using var leader = await App.ScopeAsAccountAsync("leader");
        return (await leader.ServiceProvider.GetRequiredService<PeriodQueries>().ListAsync()).Single(p => p.Id == periodId).OwnDeadlineCount;
    }

    private async Task AsOfficeAsync(Func<PeriodService, Task> action)
    {
        await using var office = await App.ScopeAsAccountAsync("office");
        await action(office.ServiceProvider.GetRequiredService<PeriodService>());
    }

    private async Task<Inbox> InboxOfAsync(string userName)
    {
        await using var scope = await App.ScopeAsAccountAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<NotificationService>().InboxAsync();
    }

    private static string Local(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd HH:mm"); // Beijing time, whatever the machine's zone

    [Fact]
    public async Task ADepartmentWithAnExtension_StillSubmitsAfterThePeriodDeadline_WhileAnotherIsRefusedWithItsDeadline()
    {
        var ids = await SubmissionServiceTests.IdsAsync(App, "东城区");
        var (_, periodDeadline) = await CollectingQuarterAsync();
        var extended = periodDeadline.AddDays(3);
        await AsOfficeAsync(s => s.SetDepartmentDeadlineAsync(ids.Period, ids.Amr, extended, "市场监管局系统升级，延长3天"));

        using (Clock.At(periodDeadline.AddDays(1)))
        {
            await using (var amr = await App.ScopeAsAccountAsync("dept-amr"))
            {
                var submissions = amr.ServiceProvider.GetRequiredService<SubmissionService>();
                var id = await submissions.SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 4, null);
                await submissions.SubmitAsync(id);
                var mine = await amr.ServiceProvider.GetRequiredService<SubmissionQueries>().MineAsync();
                Assert.All(mine.Where(i => i.PeriodId == ids.Period), i => Assert.Equal(extended, i.DeadlineUtc));
            }
            await using (var tax = await App.ScopeAsAccountAsync("dept-tax"))
            {
                var refused = await Assert.ThrowsAsync<DomainException>(() =>
                    tax.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.NS1, ids.Target, 100, null));
                Assert.Contains("已过截止时间", refused.Message);
                Assert.Contains(Local(periodDeadline), refused.Message);
                var mine = await tax.ServiceProvider.GetRequiredService<SubmissionQueries>().MineAsync();
                Assert.All(mine.Where(i => i.PeriodId == ids.Period), i => Assert.Equal(periodDeadline, i.DeadlineUtc));
            }
            await using var db = App.Factory.Services.CreateAsyncScope();
            Assert.False(await db.ServiceProvider.GetRequiredService<EvalDbContext>().Submissions
                .AnyAsync(s => s.PeriodId == ids.Period && s.IndicatorNodeId == ids.NS1 && s.TargetId == ids.Target));
        }

        using (Clock.At(extended.AddMinutes(1)))
        {
            var west = await TargetAsync("西城区");
            await using var amr = await App.ScopeAsAccountAsync("dept-amr");
            var late = await Assert.ThrowsAsync<DomainException>(() =>
                amr.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, west, 4, null));
            Assert.Contains(Local(extended), late.Message);
        }
    }

    private async Task<Guid> TargetAsync(string name) => (await SubmissionServiceTests.IdsAsync(App, name)).Target;

    [Fact]
    public async Task OutstandingList_IsOverdueOnlyForDepartmentsPastTheirOwnDeadline()
    {
        var (periodId, periodDeadline) = await CollectingQuarterAsync();
        var amr = await DepartmentAsync("AMR");
        await AsOfficeAsync(s => s.SetDepartmentDeadlineAsync(periodId, amr, periodDeadline.AddDays(3), "系统升级"));

        using (Clock.At(periodDeadline.AddHours(1)))
        {
            await using var office = await App.ScopeAsAccountAsync("office");
            var service = office.ServiceProvider.GetRequiredService<PeriodService>();
            var outstanding = await service.OutstandingAsync(periodId);
            var progress = await service.ProgressAsync(periodId);

            Assert.True(outstanding.Overdue);
            Assert.All(outstanding.Items.Where(i => i.Department == "市场监督管理局"), i => Assert.False(i.Overdue));
            Assert.All(outstanding.Items.Where(i => i.Department == "税务局"), i => Assert.True(i.Overdue));
            Assert.Equal(outstanding.Items.Count(i => i.Department != "市场监督管理局" && i.Department != "自然资源和规划局"), outstanding.OverdueCount);
            var amrProgress = progress.Single(p => p.Department == "市场监督管理局");
            Assert.Equal((amr, periodDeadline.AddDays(3), "系统升级"), (amrProgress.DepartmentId, amrProgress.DeadlineUtc, amrProgress.OwnDeadlineReason));
            var tax = progress.Single(p => p.Department == "税务局");
            Assert.Equal((periodDeadline, false), (tax.DeadlineUtc, tax.HasOwnDeadline));
        }
    }

    [Fact]
    public async Task TheDemoQuarter_GivesNaturalResourcesItsOwnLaterDeadline()
    {
        var (periodId, periodDeadline) = await CollectingQuarterAsync();
        await using var leader = await App.ScopeAsAccountAsync("leader");
        var progress = await leader.ServiceProvider.GetRequiredService<PeriodService>().ProgressAsync(periodId);

        var nrp = progress.Single(p => p.Department == "自然资源和规划局");
        Assert.Equal(periodDeadline.AddDays(3), nrp.DeadlineUtc);
        Assert.Contains("延长3天", nrp.OwnDeadlineReason);
    }

    [Fact]
    public async Task SettingAgain_ReplacesTheDeadline_AndRemovingIt_RestoresThePeriods_BothAudited()
    {
        var (periodId, periodDeadline) = await CollectingQuarterAsync();
        var gsa = await DepartmentAsync("GSA");
        var before = await OwnDeadlineCountAsync(periodId);

        await AsOfficeAsync(s => s.SetDepartmentDeadlineAsync(periodId, gsa, periodDeadline.AddDays(2), "政务服务网改版"));
        await AsOfficeAsync(s => s.SetDepartmentDeadlineAsync(periodId, gsa, periodDeadline.AddDays(4), "改版延期"));
        var stored = Assert.Single(await StoredAsync(periodId), d => d.DepartmentId == gsa);
        Assert.Equal((periodDeadline.AddDays(4), "改版延期"), (stored.DeadlineUtc, stored.Reason));
        Assert.Equal(before + 1, await OwnDeadlineCountAsync(periodId));

        await AsOfficeAsync(s => s.RemoveDepartmentDeadlineAsync(periodId, gsa));

        Assert.DoesNotContain(await StoredAsync(periodId), d => d.DepartmentId == gsa);
        Assert.Equal(before, await OwnDeadlineCountAsync(periodId));
        await using var scope = await App.ScopeAsAccountAsync("office");
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(PeriodDepartmentDeadline) && a.EntityKey == stored.Id.ToString())
            .Select(a => new { a.Action, a.UserName }).ToListAsync();
        Assert.Equal(new[] { AuditActions.Insert, AuditActions.Update, AuditActions.Delete }.Order(), audit.Select(a => a.Action).Order());
        Assert.All(audit, a => Assert.Equal("office", a.UserName));
        var progress = await scope.ServiceProvider.GetRequiredService<PeriodService>().ProgressAsync(periodId);
        Assert.Equal(periodDeadline, progress.Single(p => p.DepartmentId == gsa).DeadlineUtc);
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("dept-amr")]
    [InlineData("auditor")]
    public async Task OnlyTheOffice_SetsOrRemovesDepartmentDeadlines(string userName)
    {
        var (periodId, periodDeadline) = await CollectingQuarterAsync();
        var court = await DepartmentAsync("COURT");
        var nrp = await DepartmentAsync("NRP");
        await using var scope = await App.ScopeAsAccountAsync(userName);
        var service = scope.ServiceProvider.GetRequiredService<PeriodService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetDepartmentDeadlineAsync(periodId, court, periodDeadline.AddDays(5), "自己延期"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.RemoveDepartmentDeadlineAsync(periodId, nrp));

        var stored = await StoredAsync(periodId);
        Assert.DoesNotContain(stored, d => d.DepartmentId == court);
        Assert.Contains(stored, d => d.DepartmentId == nrp);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAClearMessage_AndNothingIsStored()
    {
        var (periodId, _) = await CollectingQuarterAsync();
        var hurd = await DepartmentAsync("HURD");
        await using var office = await App.ScopeAsAccountAsync("office");
        var service = office.ServiceProvider.GetRequiredService<PeriodService>();

        var past = await Assert.ThrowsAsync<DomainException>(() => service.SetDepartmentDeadlineAsync(periodId, hurd, Clock.UtcNow.AddHours(-1), "系统升级"));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => service.SetDepartmentDeadlineAsync(periodId, hurd, Clock.UtcNow.AddDays(60), "  "));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => service.SetDepartmentDeadlineAsync(periodId, Guid.NewGuid(), Clock.UtcNow.AddDays(60), "系统升级"));
        var nothingToRemove = await Assert.ThrowsAsync<DomainException>(() => service.RemoveDepartmentDeadlineAsync(periodId, hurd));

        Assert.Contains("必须晚于当前时间", past.Message);
        Assert.Contains("原因不能为空", noReason.Message);
        Assert.Contains("部门不存在", unknown.Message);
        Assert.Contains("没有单独设置截止时间", nothingToRemove.Message);
        Assert.DoesNotContain(await StoredAsync(periodId), d => d.DepartmentId == hurd);
    }

    [Theory]
    [InlineData(-24)]
    [InlineData(0)]
    public async Task AnOwnDeadlineNotLaterThanThePeriods_IsRefusedNamingThePeriodsDeadline_AndNothingIsStored(int hours)
    {
        var (periodId, periodDeadline) = await CollectingQuarterAsync();
        var hurd = await DepartmentAsync("HURD");
        await using var office = await App.ScopeAsAccountAsync("office");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            office.ServiceProvider.GetRequiredService<PeriodService>().SetDepartmentDeadlineAsync(periodId, hurd, periodDeadline.AddHours(hours), "提前报送"));

        Assert.Equal($"部门的单独截止时间必须晚于周期截止时间 {Local(periodDeadline)}，否则无需单独设置。", refused.Message);
        Assert.DoesNotContain(await StoredAsync(periodId), d => d.DepartmentId == hurd);
    }

    [Fact]
    public async Task MovingThePeriodsDeadlinePastAnOwnDeadline_GivesThatDepartmentThePeriods_Everywhere()
    {
        var (periodId, originalDeadline) = await CollectingQuarterAsync();
        var ids = await SubmissionServiceTests.IdsAsync(App, "南湖区");
        var start = Clock.UtcNow;
        var amrOwn = start.AddDays(5);
        var periodDeadline = start.AddDays(10);
        try
        {
            await AsOfficeAsync(async s => Assert.Null((await s.ChangeDeadlineAsync(periodId, start.AddDays(2))).Notice)); // overtakes nothing
            await AsOfficeAsync(s => s.SetDepartmentDeadlineAsync(periodId, ids.Amr, amrOwn, "市场监管局系统升级"));
            var extended = await OwnDeadlineCountAsync(periodId);

            DeadlineChanged changed;
            await using (var office = await App.ScopeAsAccountAsync("office"))
                changed = await office.ServiceProvider.GetRequiredService<PeriodService>().ChangeDeadlineAsync(periodId, periodDeadline);

            // The office is told at once which extension stopped applying (自然资源和规划局's demo extension still does).
            Assert.Equal(["市场监督管理局"], changed.OvertakenDepartments);
            Assert.Equal("市场监督管理局的单独截止时间不晚于新的周期截止时间，已不再生效；如仍需延期，请在「收集进度」中重新设置。", changed.Notice);
            Assert.Equal(extended - 1, await OwnDeadlineCountAsync(periodId)); // no longer an extension
            Assert.Contains(await StoredAsync(periodId), d => d.DepartmentId == ids.Amr); // but kept, with its reason

            using (Clock.At(amrOwn.AddDays(1)))
            {
                await using (var office = await App.ScopeAsAccountAsync("office"))
                {
                    var periods = office.ServiceProvider.GetRequiredService<PeriodService>();
                    var amr = (await periods.ProgressAsync(periodId)).Single(p => p.DepartmentId == ids.Amr);
                    Assert.Equal((periodDeadline, amrOwn, false), (amr.DeadlineUtc, amr.OwnDeadlineUtc, amr.OwnDeadlineInForce));
                    Assert.All((await periods.OutstandingAsync(periodId)).Items.Where(i => i.Department == "市场监督管理局"),
                        i => Assert.Equal((periodDeadline, false), (i.DeadlineUtc, i.Overdue)));
                }
                // The office's bell: nobody is late, least of all the department that was given more time.
                Assert.DoesNotContain((await InboxOfAsync("office")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);
                Assert.DoesNotContain((await InboxOfAsync("dept-amr")).Items, i => i.Title.Contains("已过截止时间"));

                await using var amrScope = await App.ScopeAsAccountAsync("dept-amr");
                await amrScope.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 4, null);
                var mine = await amrScope.ServiceProvider.GetRequiredService<SubmissionQueries>().MineAsync();
                Assert.All(mine.Where(i => i.PeriodId == periodId), i => Assert.Equal(periodDeadline, i.DeadlineUtc));
            }
        }
        finally
        {
            await AsOfficeAsync(s => s.ChangeDeadlineAsync(periodId, originalDeadline));
            await AsOfficeAsync(s => s.RemoveDepartmentDeadlineAsync(periodId, ids.Amr));
        }
    }

    [Fact]
    public async Task APeriodAlreadyInReview_RefusesDepartmentDeadlines()
    {
        var hurd = await DepartmentAsync("HURD");
        await using var office = await App.ScopeAsAccountAsync("office");
        var service = office.ServiceProvider.GetRequiredService<PeriodService>();
        var systemId = await office.ServiceProvider.GetRequiredService<EvalDbContext>().IndicatorSystems
            .Where(s => s.Status == Domain.Indicators.SystemStatus.Published && s.TargetKind == Domain.Organization.TargetKind.Region).Select(s => s.Id).FirstAsync();
        var id = await service.CreateAsync(new CreatePeriodForm { Kind = PeriodKind.Quarter, Year = 2027, Part = 1, SystemId = systemId });
        await service.OpenCollectionAsync(id, Clock.UtcNow.AddDays(30));
        await service.CloseCollectionAsync(id);

        var refused = await Assert.ThrowsAsync<DomainException>(() => service.SetDepartmentDeadlineAsync(id, hurd, Clock.UtcNow.AddDays(40), "系统升级"));

        Assert.Contains("审核中", refused.Message);
        Assert.Empty(await StoredAsync(id));
    }

    [Fact]
    public async Task Reminders_FollowEachDepartmentsOwnDeadline()
    {
        var (periodId, originalDeadline) = await CollectingQuarterAsync();
        var amr = await DepartmentAsync("AMR");
        var start = Clock.UtcNow;
        var periodDeadline = start.AddDays(2);
        var amrDeadline = start.AddDays(10);
        await AsOfficeAsync(s => s.ChangeDeadlineAsync(periodId, periodDeadline));
        await AsOfficeAsync(s => s.SetDepartmentDeadlineAsync(periodId, amr, amrDeadline, "市场监管局系统升级"));
        try
        {
            // The period's deadline is two days away: the tax office is reminded, the extended AMR is not.
            Assert.Contains((await InboxOfAsync("dept-tax")).Items, i => i.Kind == NotificationKind.DeadlineApproaching && i.Title.Contains("即将截止"));
            Assert.DoesNotContain((await InboxOfAsync("dept-amr")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);

            using (Clock.At(start.AddDays(3)))
            {
                var tax = Assert.Single((await InboxOfAsync("dept-tax")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);
                Assert.Contains("已过截止时间", tax.Title);
                Assert.Contains(Local(periodDeadline), tax.Body);
                Assert.DoesNotContain((await InboxOfAsync("dept-amr")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);
                var office = Assert.Single((await InboxOfAsync("office")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);
                Assert.Contains("税务局", office.Body);
                Assert.DoesNotContain("市场监督管理局", office.Body);
            }

            using (Clock.At(start.AddDays(8)))
            {
                var reminder = Assert.Single((await InboxOfAsync("dept-amr")).Items, i => i.Kind == NotificationKind.DeadlineApproaching);
                Assert.Contains("即将截止", reminder.Title);
                Assert.Contains(Local(amrDeadline), reminder.Body);
            }
        }
        finally
        {
            await AsOfficeAsync(s => s.ChangeDeadlineAsync(periodId, originalDeadline));
            await AsOfficeAsync(s => s.RemoveDepartmentDeadlineAsync(periodId, amr));
        }
    }
}
