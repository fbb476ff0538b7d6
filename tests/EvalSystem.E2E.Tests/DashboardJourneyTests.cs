using EvalSystem.Domain.Common;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Submissions;
using EvalSystem.E2E.Tests.Pages;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.EvidenceFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>
/// A leader answers "where do we stand, who is behind, why" from the dashboard: switches the period, sees the ranking change,
/// and follows the last district from the ranking to its indicators and on to a submission's evidence.
/// </summary>
public sealed class DashboardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string EvidenceName = "石桥县工程建设审批台账.pdf";

    /// <summary>The published 2026 Q1 run, its composites best first, and 石桥县's 办理建筑许可时间 submission with a PDF attached.</summary>
    private async Task<(Guid RunId, List<(string Name, double Composite)> BestFirst, Guid Laggard)> ArrangeAsync()
    {
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var run = await (from r in db.ScoreRuns
                         join p in db.Periods on r.PeriodId equals p.Id
                         where p.Name == "2026年第一季度" && r.Status == ScoreRunStatus.Published
                         select r).SingleAsync();
        var bestFirst = (await (from s in db.TargetScores
                                join t in db.Targets on s.TargetId equals t.Id
                                where s.RunId == run.Id
                                select new { t.Name, s.Composite, s.Rank }).ToListAsync())
            .OrderBy(s => s.Rank).Select(s => (s.Name, s.Composite)).ToList();
        var laggard = await db.Targets.Where(t => t.Name == "石桥县").Select(t => t.Id).SingleAsync();
        var submission = await (from s in db.Submissions
                                join n in db.IndicatorNodes on s.IndicatorNodeId equals n.Id
                                where s.PeriodId == run.PeriodId && s.TargetId == laggard && n.Code == "JZ-1"
                                select s).SingleAsync();
        if (!await db.Evidence.AnyAsync(e => e.SubmissionId == submission.Id))
        {
            var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
            var stored = await scope.ServiceProvider.GetRequiredService<EvidenceStore>().SaveAsync(new MemoryStream(pdf), EvidenceName, 0, default);
            db.Evidence.Add(new Evidence(submission.Id, submission.Version, EvidenceName, stored.StoredName, stored.ContentType, stored.SizeBytes,
                stored.Sha256, new UserRef("dept-hurd", "住房和城乡建设局填报员"), DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        return (run.Id, bestFirst, laggard);
    }

    [Fact]
    public async Task Leader_SwitchesThePeriod_AndDrillsFromTheLastDistrictToAnIndicatorsEvidence()
    {
        var (q1Run, q1BestFirst, laggard) = await ArrangeAsync();
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("leader");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        await shell.WaitUntilLoadedAsync();
        var dashboard = new DashboardPage(page);

        // Where do we stand: the newest published quarter, regions and departments side by side, four charts.
        await Assertions.Expect(dashboard.Period).ToContainTextAsync("2026年第二季度");
        await Assertions.Expect(dashboard.RankingNames).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("[data-testid=ranking-departments] [data-testid=ranking-name]")).ToHaveCountAsync(16);
        foreach (var chart in new[] { "trend", "radar", "heatmap", "distribution" })
            await Assertions.Expect(page.Locator($"[data-testid=chart-{chart}] [data-testid=chart-svg] > svg")).ToHaveCountAsync(1);
        var q2First = await dashboard.RankingComposites.First.InnerTextAsync();
        await session.ScreenshotAsync("leader-dashboard-full", fullPage: true);

        // A chart goes out on its own as a PNG.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=chart-radar] [data-testid=chart-download-png]").ClickAsync());
        Assert.Equal("一级指标雷达图.png", download.SuggestedFilename);
        var png = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));

        // Is it getting better: the previous quarter's ranking is another run with other composites, at its own address.
        await dashboard.ChooseRunAsync("2026年第一季度");
        await Assertions.Expect(dashboard.Period).ToContainTextAsync("2026年第一季度");
        Assert.Contains($"run={q1Run}", page.Url);
        await Assertions.Expect(dashboard.RankingComposites.First).ToHaveTextAsync(q1BestFirst[0].Composite.ToString("0.00"));
        Assert.NotEqual(q2First, await dashboard.RankingComposites.First.InnerTextAsync());
        Assert.Equal(q1BestFirst.Select(r => r.Name), await dashboard.RankingNames.AllInnerTextsAsync());

        // The radar follows the region chosen, and the quarter stays chosen; a chart's data can be read as a table.
        var second = q1BestFirst[1].Name;
        await dashboard.ChooseRadarRegionAsync(second);
        Assert.Contains($"run={q1Run}", page.Url);
        await Assertions.Expect(dashboard.Period).ToContainTextAsync("2026年第一季度");
        await dashboard.Chart("radar").Locator("[data-testid=chart-table-toggle]").ClickAsync();
        await Assertions.Expect(dashboard.Chart("radar").Locator("[data-testid=chart-table] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(dashboard.Chart("radar").Locator("[data-testid=chart-table]")).ToContainTextAsync(second);
        await Assertions.Expect(dashboard.Chart("radar").Locator("select[name=radar]")).ToHaveValueAsync(second);
        await Assertions.Expect(dashboard.Chart("trend").Locator("[data-testid=chart-svg] > svg")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("leader-dashboard-radar-table");

        // Why: from the last district to its indicators…
        await page.Locator("[data-testid=ranking] [data-testid=ranking-link]", new PageLocatorOptions { HasTextString = "石桥县" }).ClickAsync();
        await page.WaitForURLAsync($"**/analysis/target/{q1Run}/{laggard}");
        await shell.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=breakdown-target]")).ToHaveTextAsync("石桥县");
        await Assertions.Expect(page.Locator("[data-testid=node-JZ-1]")).ToContainTextAsync("部门填报");

        // …and to the evidence behind one of them.
        await page.Locator("[data-testid=evidence-JZ-1]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=evidence-list]")).ToContainTextAsync(EvidenceName);
        await session.ScreenshotAsync("leader-drilldown-evidence");
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task TheDashboardOpensNoCircuit_AndTheMenuLeadsToTheRankingsAndBack()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        var circuitRequests = new List<string>();
        var sockets = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
                circuitRequests.Add(request.Url);
        };
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await new LoginPage(page).SignInAsync("leader");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        var dashboard = new DashboardPage(page);

        // The dashboard is complete as served: no negotiation, no WebSocket, however long it stays open.
        await Assertions.Expect(shell.StaticPage).ToHaveCountAsync(1);
        await Assertions.Expect(dashboard.RankingNames).ToHaveCountAsync(12);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(1500);
        Assert.Empty(circuitRequests);
        Assert.Empty(sockets);

        // The menu leads to an interactive page (which opens its circuit) without a reload of the shell…
        await shell.OpenMenuAsync("排名");
        await page.WaitForURLAsync("**/rankings");
        await page.Locator("[data-testid=ranking-grid] tbody tr").First.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        Assert.NotEmpty(circuitRequests);

        // …and back to the dashboard, which the browser loads as a new document: the circuit's page is gone, and the
        // dashboard starts no new one.
        await page.EvaluateAsync("window.leftRankings = true");
        var requestsBefore = circuitRequests.Count;
        await shell.OpenMenuAsync("驾驶舱");
        await Assertions.Expect(shell.StaticPage).ToHaveCountAsync(1);
        await Assertions.Expect(dashboard.RankingNames).ToHaveCountAsync(12);
        Assert.False(await page.EvaluateAsync<bool>("window.leftRankings === true"));
        await page.WaitForTimeoutAsync(1500);
        Assert.Equal(requestsBefore, circuitRequests.Count);

        // The browser's back button works across the two kinds of page too.
        await shell.OpenMenuAsync("排名");
        await page.Locator("[data-testid=ranking-grid] tbody tr").First.WaitForAsync();
        await page.GoBackAsync();
        await page.WaitForURLAsync("**/dashboard");
        await Assertions.Expect(dashboard.RankingNames).ToHaveCountAsync(12);
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task OnAPhone_TheStaticDashboardHidesTheDrawer_AndItsMenuButtonLeadsToTheRankings()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await new LoginPage(page).SignInAsync("leader");
        await page.WaitForURLAsync("**/dashboard");
        await new ShellPage(page).WaitUntilLoadedAsync();

        // The drawer cannot be closed without a circuit, so on a narrow screen it is not shown; the app bar has the menu.
        await Assertions.Expect(page.Locator("[data-testid=nav-menu]")).Not.ToBeInViewportAsync();
        var menu = page.Locator("[data-testid=static-nav]");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await menu.Locator("summary").ClickAsync();
        await Assertions.Expect(menu.Locator("a")).ToContainTextAsync(["驾驶舱", "排名", "对比分析"]);
        await session.ScreenshotAsync("leader-dashboard-phone-menu");
        await menu.Locator("a", new LocatorLocatorOptions { HasText = "排名" }).ClickAsync();
        await page.WaitForURLAsync("**/rankings");
        await page.Locator("[data-testid=ranking-grid] tbody tr").First.WaitForAsync();

        // A wide screen keeps the drawer and has no need of the app bar's menu.
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("[data-testid=static-nav]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-menu]")).ToBeVisibleAsync();
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task DepartmentUser_SeesItsOwnResult_AndOpensItsBreakdown_ButNotOthers()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("dept-tax");
        await page.WaitForURLAsync("**/dashboard");
        await new ShellPage(page).WaitUntilLoadedAsync();

        var own = page.Locator("[data-testid=own-score]");
        await Assertions.Expect(own).ToContainTextAsync("税务局");
        await Assertions.Expect(own).ToContainTextAsync("2026年第三季度·部门考核");
        // The published rankings are there to read, without links into other targets' breakdowns.
        await Assertions.Expect(new DashboardPage(page).RankingNames).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("[data-testid=ranking-link]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("department-dashboard");

        await page.Locator("[data-testid=own-breakdown]").ClickAsync();
        await page.WaitForURLAsync("**/analysis/target/**");
        await Assertions.Expect(page.Locator("[data-testid=breakdown-target]")).ToHaveTextAsync("税务局");
        await Assertions.Expect(page.Locator("[data-testid=node-GZ-1]")).ToContainTextAsync("改革任务完成率");
        session.AssertNoBrowserErrors();
    }
}
