using Bunit;
using EvalSystem.Web.Components.Pages.Periods;
using EvalSystem.Web.Features.Periods;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>The collection progress dialog: every department's deadline in force, and the office's 单独设置 / 清除 of a department's own one.</summary>
public sealed class PeriodProgressDialogTests : MudTestContext
{
    private static readonly DateTime PeriodDeadline = new(2027, 1, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Extended = PeriodDeadline.AddDays(3);
    private static readonly Guid Amr = Guid.NewGuid();
    private static readonly Guid Nrp = Guid.NewGuid();

    private static IReadOnlyList<DepartmentProgress> Progress(bool amrExtended = false) =>
    [
        amrExtended
            ? new("市场监督管理局", 24, 2, 3, 4, 1) { DepartmentId = Amr, DeadlineUtc = Extended.AddDays(1), OwnDeadlineUtc = Extended.AddDays(1), OwnDeadlineReason = "系统升级", OwnDeadlineInForce = true }
            : new("市场监督管理局", 24, 2, 3, 4, 1) { DepartmentId = Amr, DeadlineUtc = PeriodDeadline },
        new("自然资源和规划局", 12, 0, 0, 0, 0) { DepartmentId = Nrp, DeadlineUtc = Extended, OwnDeadlineUtc = Extended, OwnDeadlineReason = "不动产登记系统升级，延长3天", OwnDeadlineInForce = true },
    ];

    private static readonly OutstandingList Outstanding = new(PeriodDeadline, false,
        [new("市场监督管理局", "KB-1", "开办企业环节", "中心区", "未填报", PeriodDeadline, false)]);

    // Pages show Beijing time (UTC+8) whatever the server's zone: 2027-01-15 09:00 UTC is 01-15 17:00.
    private static string Short(DateTime utc) => utc.AddHours(8).ToString("MM-dd HH:mm");

    private static string Long(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd HH:mm");

    private async Task<IRenderedComponent<CascadingAuthenticationState>> ShowAsync(DialogParameters<PeriodProgressDialog> parameters)
    {
        var provider = RenderSignedIn<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => service.ShowAsync<PeriodProgressDialog>("收集进度", parameters));
        return provider;
    }

    private static DialogParameters<PeriodProgressDialog> Parameters(bool canChange = true,
        Func<Guid, DateTime, string, Task<string?>>? set = null, Func<Guid, Task<string?>>? clear = null,
        Func<Task<(IReadOnlyList<DepartmentProgress>, OutstandingList)>>? reload = null) => new()
    {
        { x => x.Progress, Progress() },
        { x => x.Outstanding, Outstanding },
        { x => x.CanChangeDeadlines, canChange },
        { x => x.SetDeadline, set ?? ((_, _, _) => Task.FromResult<string?>(null)) },
        { x => x.ClearDeadline, clear ?? (_ => Task.FromResult<string?>(null)) },
        { x => x.Reload, reload ?? (() => Task.FromResult((Progress(), Outstanding))) },
    };

    [Fact]
    public async Task EveryDepartmentShowsItsDeadline_AndAnOwnDeadlineIsMarked()
    {
        SignInAs("office", Roles.Office);
        var dialog = await ShowAsync(Parameters());

        var cells = dialog.FindAll("[data-testid=department-deadline]");
        Assert.Equal(2, cells.Count);
        Assert.Contains(Long(PeriodDeadline), cells[0].TextContent);
        Assert.Empty(cells[0].QuerySelectorAll("[data-testid=own-deadline]"));
        Assert.Equal($"单独截止 {Short(Extended)}", cells[1].QuerySelector("[data-testid=own-deadline]")!.TextContent.Trim());
        Assert.Equal(2, dialog.FindAll("[data-testid=set-department-deadline]").Count);
        Assert.Single(dialog.FindAll("[data-testid=clear-department-deadline]")); // only where one is set
    }

    [Fact]
    public async Task AnOwnDeadlineThePeriodsHasCaughtUpWith_IsNotShownAsAnExtension_ButCanBeCleared()
    {
        SignInAs("office", Roles.Office);
        var later = PeriodDeadline.AddDays(7); // the period's deadline, moved past the department's own
        var parameters = Parameters();
        parameters.Add(x => x.Progress, [new DepartmentProgress("自然资源和规划局", 12, 0, 0, 0, 0)
            { DepartmentId = Nrp, DeadlineUtc = later, OwnDeadlineUtc = Extended, OwnDeadlineReason = "不动产登记系统升级，延长3天", OwnDeadlineInForce = false }]);
        var dialog = await ShowAsync(parameters);

        var cell = dialog.Find("[data-testid=department-deadline]");
        Assert.Contains(Long(later), cell.TextContent);
        Assert.Empty(dialog.FindAll("[data-testid=own-deadline]"));
        Assert.Equal("单独截止不生效", cell.QuerySelector("[data-testid=overtaken-own-deadline]")!.TextContent.Trim());
        Assert.Single(dialog.FindAll("[data-testid=clear-department-deadline]"));
    }

    [Fact]
    public async Task ChangingAnOvertakenOwnDeadline_StartsFromThreeDaysAfterThePeriods_AndSaysItMustBeLater()
    {
        SignInAs("office", Roles.Office);
        var saved = new List<DateTime>();
        var parameters = Parameters(set: (_, at, _) => { saved.Add(at); return Task.FromResult<string?>(null); });
        parameters.Add(x => x.Progress, [new DepartmentProgress("自然资源和规划局", 12, 0, 0, 0, 0)
            { DepartmentId = Nrp, DeadlineUtc = PeriodDeadline, OwnDeadlineUtc = PeriodDeadline.AddHours(-2), OwnDeadlineReason = "不动产登记系统升级", OwnDeadlineInForce = false }]);
        var dialog = await ShowAsync(parameters);

        dialog.Find("[data-testid=set-department-deadline]").Click();
        var message = await dialog.WaitForElementAsync("[data-testid=department-deadline-message]");
        Assert.Contains($"须晚于周期截止时间 {Long(PeriodDeadline)}", message.TextContent);
        dialog.Find("[data-testid=department-deadline-save]").Click();

        await dialog.WaitForAssertionAsync(() => Assert.Equal([PeriodDeadline.AddHours(8).AddDays(3)], saved));
    }

    [Theory]
    [InlineData("leader", Roles.Leader)]
    [InlineData("auditor", Roles.Auditor)]
    public async Task ReadOnlyRoles_SeeTheDeadlines_ButNoButtons(string user, string role)
    {
        SignInAs(user, role);
        var dialog = await ShowAsync(Parameters());

        Assert.Contains($"单独截止 {Short(Extended)}", dialog.Markup);
        Assert.Empty(dialog.FindAll("[data-testid=set-department-deadline]"));
        Assert.Empty(dialog.FindAll("[data-testid=clear-department-deadline]"));
    }

    [Fact]
    public async Task APeriodNoLongerCollecting_OffersNoButtons_EvenToTheOffice()
    {
        SignInAs("office", Roles.Office);
        var dialog = await ShowAsync(Parameters(canChange: false));

        Assert.Contains($"单独截止 {Short(Extended)}", dialog.Markup);
        Assert.Empty(dialog.FindAll("[data-testid=set-department-deadline]"));
    }

    [Fact]
    public async Task SettingADepartmentsDeadline_NeedsAReason_ThenSavesAndShowsTheNewChip()
    {
        SignInAs("office", Roles.Office);
        var saved = new List<(Guid Department, DateTime Deadline, string Reason)>();
        var dialog = await ShowAsync(Parameters(
            set: (d, at, reason) => { saved.Add((d, at, reason)); return Task.FromResult<string?>(null); },
            reload: () => Task.FromResult((Progress(amrExtended: true), Outstanding))));

        dialog.FindAll("[data-testid=set-department-deadline]")[0].Click();
        (await dialog.WaitForElementAsync("[data-testid=department-deadline-save]")).Click();
        await dialog.WaitForAssertionAsync(() => Assert.Equal("单独设置截止时间的原因不能为空。", dialog.Find("[data-testid=dialog-error]").TextContent));
        Assert.Empty(saved);

        dialog.Find("[data-testid=department-deadline-reason] textarea, textarea[data-testid=department-deadline-reason]").Change("市场监管局系统升级，延长3天");
        dialog.Find("[data-testid=department-deadline-save]").Click();

        await dialog.WaitForAssertionAsync(() => Assert.Empty(dialog.FindAll("[data-testid=department-deadline-save]")));
        var (department, deadline, why) = Assert.Single(saved);
        Assert.Equal((Amr, "市场监管局系统升级，延长3天"), (department, why));
        Assert.Equal(PeriodDeadline.AddHours(8).AddDays(3), deadline); // suggested: three days after the period's deadline, local time
        await dialog.WaitForAssertionAsync(() => Assert.Equal($"单独截止 {Short(Extended.AddDays(1))}",
            dialog.FindAll("[data-testid=department-deadline]")[0].QuerySelector("[data-testid=own-deadline]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task ARefusedDeadline_StaysOpenWithTheReason()
    {
        SignInAs("office", Roles.Office);
        const string refusal = "只有草稿或填报中的周期才能调整截止时间，「2026年第四季度」当前为审核中。";
        var dialog = await ShowAsync(Parameters(set: (_, _, _) => Task.FromResult<string?>(refusal)));

        dialog.FindAll("[data-testid=set-department-deadline]")[1].Click();
        Assert.Equal("不动产登记系统升级，延长3天", // changing an own deadline starts from its reason
            (await dialog.WaitForElementAsync("[data-testid=department-deadline-reason] textarea, textarea[data-testid=department-deadline-reason]")).GetAttribute("value"));
        dialog.Find("[data-testid=department-deadline-save]").Click();

        await dialog.WaitForAssertionAsync(() => Assert.Equal(refusal, dialog.Find("[data-testid=dialog-error]").TextContent));
        Assert.Single(dialog.FindAll("[data-testid=department-deadline-save]"));
    }

    [Fact]
    public async Task OutstandingList_MarksOnlyEntriesPastTheirDepartmentsDeadline()
    {
        SignInAs("leader", Roles.Leader);
        var outstanding = new OutstandingList(PeriodDeadline, true,
        [
            new("税务局", "NS-1", "纳税时间", "中心区", "未填报", PeriodDeadline, true),
            new("自然资源和规划局", "DC-1", "登记财产时间", "中心区", "草稿", Extended, false),
        ]);
        var parameters = Parameters();
        parameters.Add(x => x.Outstanding, outstanding);
        var dialog = await ShowAsync(parameters);

        dialog.FindAll(".mud-tab").Single(t => t.TextContent.Contains("逾期未报清单（2）")).Click();

        await dialog.WaitForAssertionAsync(() => Assert.Contains("以下 1 项已过所属部门的截止时间", dialog.Find("[data-testid=overdue-alert]").TextContent));
        var rows = dialog.FindAll("[data-testid=outstanding-table] tbody tr");
        Assert.EndsWith("（逾期）", rows[0].Children[1].TextContent.Trim());
        Assert.Equal(Long(Extended), rows[1].Children[1].TextContent.Trim());
    }

    [Fact]
    public async Task ClearingAnOwnDeadline_AsksFirst_ThenShowsThePeriodsDeadline()
    {
        SignInAs("office", Roles.Office);
        var cleared = new List<Guid>();
        var reloaded = false;
        var dialog = await ShowAsync(Parameters(
            clear: d => { cleared.Add(d); return Task.FromResult<string?>(null); },
            reload: () =>
            {
                reloaded = true;
                IReadOnlyList<DepartmentProgress> after =
                    [Progress()[0], Progress()[1] with { DeadlineUtc = PeriodDeadline, OwnDeadlineUtc = null, OwnDeadlineReason = null, OwnDeadlineInForce = false }];
                return Task.FromResult((after, Outstanding));
            }));

        dialog.Find("[data-testid=clear-department-deadline]").Click();
        await dialog.WaitForAssertionAsync(() => Assert.Contains("按周期截止时间", dialog.Markup));
        dialog.FindAll("button").Single(b => b.TextContent.Trim() == "清除").Click();

        await dialog.WaitForAssertionAsync(() => Assert.True(reloaded));
        Assert.Equal([Nrp], cleared);
        await dialog.WaitForAssertionAsync(() => Assert.Empty(dialog.FindAll("[data-testid=own-deadline]")));
        Assert.Empty(dialog.FindAll("[data-testid=clear-department-deadline]"));
    }
}
