using EvalSystem.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>Its own app: this journey publishes a period, which the other journeys must not see.</summary>
public sealed class ScoringJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Office_ComputesAndPublishesTheQuarter_ThenTheLeaderSeesItsRanking()
    {
        await using (var office = await browser.NewSessionAsync())
        {
            var page = office.Page;
            await new LoginPage(page).SignInAsync("office");
            await page.WaitForURLAsync("**/dashboard");
            var shell = new ShellPage(page);
            await shell.WaitUntilLoadedAsync();
            var dashboard = new DashboardPage(page);
            Assert.Contains("2026年第三季度", await dashboard.Period.InnerTextAsync());
            await dashboard.UnpublishedMarker.WaitForAsync();
            // The bell of the static dashboard opens without a circuit and lists what waits for the office.
            await page.Locator("[data-testid=notification-bell]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=notification-list]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=notification-item]").First).ToBeVisibleAsync();
            await office.ScreenshotAsync("office-dashboard-bell");
            await page.Locator("[data-testid=notification-bell]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=notification-list]")).ToBeHiddenAsync();
            await office.ScreenshotAsync("office-dashboard", fullPage: true);

            await shell.OpenMenuAsync("评价周期");
            await page.WaitForURLAsync("**/periods");
            var periods = new PeriodsPage(page);
            await Assertions.Expect(periods.Status("2026年第三季度")).ToHaveTextAsync("已计算");

            await periods.ComputeAsync("2026年第三季度");
            await Assertions.Expect(periods.Snackbar).ToContainTextAsync("第2次计算完成");
            await Assertions.Expect(periods.LatestRun("2026年第三季度")).ToContainTextAsync("第2次 · 未发布");
            await office.ScreenshotAsync("office-periods-computed");

            await periods.PublishAsync("2026年第三季度");
            await Assertions.Expect(periods.Status("2026年第三季度")).ToHaveTextAsync("已发布");
            await Assertions.Expect(periods.LatestRun("2026年第三季度")).ToContainTextAsync("第2次 · 已发布");
            office.AssertNoBrowserErrors();
        }

        await using var leader = await browser.NewSessionAsync();
        await new LoginPage(leader.Page).SignInAsync("leader");
        await leader.Page.WaitForURLAsync("**/dashboard");
        await new ShellPage(leader.Page).WaitUntilLoadedAsync();
        var leaderView = new DashboardPage(leader.Page);
        Assert.Contains("2026年第三季度", await leaderView.Period.InnerTextAsync());
        Assert.Equal(12, await leaderView.RankingNames.CountAsync());
        await leader.ScreenshotAsync("leader-dashboard-after-publish");
        leader.AssertNoBrowserErrors();
    }
}
