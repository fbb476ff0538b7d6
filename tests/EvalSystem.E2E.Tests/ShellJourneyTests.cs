using EvalSystem.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

public sealed class ShellJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Leader_SignsIn_AndSeesTheDashboardOfTheSeededCity()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await new LoginPage(page).SignInAsync("leader");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        await shell.WaitUntilLoadedAsync();

        var dashboard = new DashboardPage(page);
        Assert.Contains("2026年第二季度", await dashboard.Period.InnerTextAsync());
        var regions = await dashboard.RegionNames.AllInnerTextsAsync();
        Assert.Equal(12, regions.Count);
        Assert.Contains("石桥县", regions);
        var ranked = await dashboard.RankingNames.AllInnerTextsAsync();
        Assert.Equal(12, ranked.Count);
        Assert.Equal("石桥县", ranked[^1]);
        await Assertions.Expect(page.Locator("[data-testid=unpublished-run]")).ToHaveCountAsync(0);
        Assert.Contains("开办企业时间", await dashboard.Headline("KB-2").InnerTextAsync());
        Assert.Equal("分管副市长 李领导", await shell.CurrentUser.InnerTextAsync());
        Assert.DoesNotContain("系统管理", await shell.NavLinks.AllInnerTextsAsync());

        // The menu works in the live circuit, not only in the prerendered HTML.
        await shell.OpenMenuAsync("排名");
        await page.WaitForURLAsync("**/rankings");
        await page.Locator("[data-testid=ranking-grid]").WaitForAsync();

        await page.GotoAsync("/dashboard");
        await shell.WaitUntilLoadedAsync();
        await session.ScreenshotAsync("leader-dashboard");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task DepartmentUser_CannotOpenSystemAdministration()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await new LoginPage(page).SignInAsync("dept-amr");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        await shell.WaitUntilLoadedAsync();
        var menu = await shell.NavLinks.AllInnerTextsAsync();
        Assert.Contains("数据填报", menu);
        Assert.DoesNotContain("系统管理", menu);

        await page.GotoAsync("/admin");
        await shell.AccessDenied.WaitForAsync();
        Assert.DoesNotContain("/admin", page.Url);
        await Assertions.Expect(page.Locator("[data-testid=under-construction]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("dept-admin-denied");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Office_CreatesAQuarter_OpensItForCollection_AndSeesTheProgress()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("office");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        await shell.WaitUntilLoadedAsync();
        await shell.OpenMenuAsync("评价周期");
        var periods = new PeriodsPage(page);

        await periods.CreateQuarterAsync(2027, 1);
        await Assertions.Expect(periods.Status("2027年第一季度")).ToHaveTextAsync("草稿");
        await periods.OpenCollectionAsync("2027年第一季度");
        await Assertions.Expect(periods.Status("2027年第一季度")).ToHaveTextAsync("填报中");

        await periods.ShowProgressAsync("2026年第三季度");
        await Assertions.Expect(page.Locator("[data-testid=progress-table]")).ToContainTextAsync("市场监督管理局");
        await session.ScreenshotAsync("office-period-progress");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task WrongPassword_ShowsAChineseMessage()
    {
        await using var session = await browser.NewSessionAsync();
        var login = new LoginPage(session.Page);

        await login.SignInAsync("office", "not-the-password");

        Assert.Contains("用户名或密码错误", await login.Error.InnerTextAsync());
        await session.ScreenshotAsync("login-wrong-password");
    }
}
