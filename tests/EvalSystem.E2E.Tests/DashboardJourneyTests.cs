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
        await shell.WaitUntilInteractiveAsync();
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

        // Is it getting better: the previous quarter's ranking is another run with other composites.
        await dashboard.ChooseRunAsync("2026年第一季度");
        await Assertions.Expect(dashboard.Period).ToContainTextAsync("2026年第一季度");
        await Assertions.Expect(dashboard.RankingComposites.First).ToHaveTextAsync(q1BestFirst[0].Composite.ToString("0.00"));
        Assert.NotEqual(q2First, await dashboard.RankingComposites.First.InnerTextAsync());
        Assert.Equal(q1BestFirst.Select(r => r.Name), await dashboard.RankingNames.AllInnerTextsAsync());

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
    public async Task DepartmentUser_SeesItsOwnResult_AndOpensItsBreakdown_ButNotOthers()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("dept-tax");
        await page.WaitForURLAsync("**/dashboard");
        await new ShellPage(page).WaitUntilInteractiveAsync();

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
