using EvalSystem.E2E.Tests.Pages;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>A leader compares two districts of the published 2026 Q2 run and drills from one of them down to a submission.</summary>
public sealed class DrillDownJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<(Guid RunId, Guid Central, Guid Laggard)> PublishedRunAsync()
    {
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var run = await (from r in db.ScoreRuns
                         join p in db.Periods on r.PeriodId equals p.Id
                         where p.Name == "2026年第二季度" && r.Status == Domain.ScoreRuns.ScoreRunStatus.Published
                         select r.Id).SingleAsync();
        var targets = await db.Targets.Where(t => t.Name == "中心区" || t.Name == "石桥县").ToDictionaryAsync(t => t.Name, t => t.Id);
        return (run, targets["中心区"], targets["石桥县"]);
    }

    [Fact]
    public async Task Leader_ComparesTwoDistricts_ThenDrillsFromOneToASubmissionsHistory()
    {
        var (run, central, laggard) = await PublishedRunAsync();
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("leader");
        await page.WaitForURLAsync("**/dashboard");

        // Picked in the page…
        await page.GotoAsync($"/analysis/compare?run={run}");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=compare-hint]")).ToContainTextAsync("请选择2到4个评价对象");
        await page.Locator("[data-testid=compare-targets]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "中心区" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = "东城区" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        var rows = page.Locator("[data-testid=compare-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(28);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("targets="));

        // …or opened from a link.
        await page.GotoAsync($"/analysis/compare?run={run}&targets={central},{laggard}");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(28);
        await Assertions.Expect(page.Locator("[data-testid=compare-target]")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("中心区"), new System.Text.RegularExpressions.Regex("石桥县")]);
        await session.ScreenshotAsync("analysis-compare");

        await page.Locator("[data-testid=compare-target] a", new PageLocatorOptions { HasTextString = "中心区" }).ClickAsync();
        await page.WaitForURLAsync($"**/analysis/target/{run}/{central}");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=breakdown-target]")).ToHaveTextAsync("中心区");
        await Assertions.Expect(page.Locator("[data-testid=breakdown-rank]")).ToContainTextAsync("第");
        await Assertions.Expect(page.Locator("[data-testid=node-KB-1]")).ToContainTextAsync("部门填报");

        await page.Locator("[data-testid=value-KB-1]").ClickAsync();
        var history = page.Locator("[data-testid=history]");
        await Assertions.Expect(history).ToContainTextAsync("审核通过");
        await Assertions.Expect(history).ToContainTextAsync("提交");
        await Assertions.Expect(page.Locator(".mud-dialog-title")).ToContainTextAsync("开办企业环节");
        await session.ScreenshotAsync("analysis-breakdown-history");
        await page.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "关闭" }).Last.ClickAsync();
        await Assertions.Expect(history).ToHaveCountAsync(0);

        await page.Locator("[data-testid=evidence-KB-1]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=evidence-list]")).ToContainTextAsync("还没有佐证材料");
        await Assertions.Expect(page.Locator("[data-testid=evidence-upload]")).ToHaveCountAsync(0);
        await page.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "完成" }).ClickAsync();

        await page.Locator("[data-testid=value-KB-2]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=basis-rows]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-dialog-title")).ToContainTextAsync("依据记录");
        await session.ScreenshotAsync("analysis-breakdown-basis");

        session.AssertNoBrowserErrors();
    }
}
