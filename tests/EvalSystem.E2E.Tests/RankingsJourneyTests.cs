using System.Globalization;
using EvalSystem.E2E.Tests.Pages;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>The 排名 page in the browser; the journeys only read, so they share one app.</summary>
public sealed class RankingsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private sealed record StoredRanking(Guid RunId, List<(string Name, double Composite)> BestFirst);

    /// <summary>What the published run of a quarter stored, best first: the page must show exactly this.</summary>
    private async Task<StoredRanking> PublishedAsync(string periodName)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var run = await (from r in db.ScoreRuns
                         join p in db.Periods on r.PeriodId equals p.Id
                         where p.Name == periodName && r.Status == Domain.ScoreRuns.ScoreRunStatus.Published
                         select r.Id).SingleAsync();
        var rows = await (from s in db.TargetScores
                          join t in db.Targets on s.TargetId equals t.Id
                          where s.RunId == run
                          orderby s.Rank
                          select new { t.Name, s.Composite }).ToListAsync();
        return new StoredRanking(run, rows.Select(r => (r.Name, r.Composite)).ToList());
    }

    private static string Score(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private async Task<(BrowserSession Session, RankingsPage Rankings)> OpenRankingsAsync(string user)
    {
        var session = await browser.NewSessionAsync();
        await new LoginPage(session.Page).SignInAsync(user);
        await session.Page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(session.Page);
        await shell.WaitUntilLoadedAsync();
        await shell.OpenMenuAsync("排名");
        await session.Page.WaitForURLAsync("**/rankings");
        await shell.WaitUntilInteractiveAsync();
        return (session, new RankingsPage(session.Page));
    }

    [Fact]
    public async Task Leader_OpensTheRanking_SwitchesThePeriod_AndSortsByAColumn()
    {
        var q2 = await PublishedAsync("2026年第二季度");
        var q1 = await PublishedAsync("2026年第一季度");
        var (session, rankings) = await OpenRankingsAsync("leader");
        await using var _ = session;
        var page = session.Page;

        // The newest published quarter, best first, straight from the stored run.
        await Assertions.Expect(page.Locator("[data-testid=ranking-title]")).ToContainTextAsync("2026年第二季度");
        await Assertions.Expect(rankings.Names).ToHaveCountAsync(12);
        Assert.Equal(q2.BestFirst.Select(r => r.Name), await rankings.Names.AllInnerTextsAsync());
        await Assertions.Expect(rankings.Composites.First).ToHaveTextAsync(Score(q2.BestFirst[0].Composite));
        await Assertions.Expect(rankings.UnpublishedMarker).ToHaveCountAsync(0);
        await Assertions.Expect(rankings.Rows.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ranking-top"));
        await Assertions.Expect(rankings.Rows.Last).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ranking-bottom"));
        Assert.StartsWith("第 1 名，区间 ", await rankings.Intervals.First.GetAttributeAsync("title"));

        // Another period: the grid reloads the other run, and its first row is that run's leader.
        await rankings.ChoosePeriodAsync("2026年第一季度");
        await Assertions.Expect(rankings.Grid).ToHaveAttributeAsync("data-run", q1.RunId.ToString());
        await Assertions.Expect(rankings.Composites.First).ToHaveTextAsync(Score(q1.BestFirst[0].Composite));
        Assert.NotEqual(Score(q2.BestFirst[0].Composite), await rankings.Composites.First.InnerTextAsync());
        Assert.Equal(q1.BestFirst.Select(r => r.Name), await rankings.Names.AllInnerTextsAsync());
        Assert.StartsWith($"/files/rankings/{q1.RunId}.xlsx", await rankings.Export.GetAttributeAsync("href"));

        // 综合得分: first click best first (the ranking), second click lowest first.
        await rankings.SortByAsync("综合得分");
        await rankings.SortByAsync("综合得分");
        await Assertions.Expect(rankings.Composites.First).ToHaveTextAsync(Score(q1.BestFirst[^1].Composite));
        await Assertions.Expect(rankings.Ranks.First).ToHaveTextAsync("12");
        await Assertions.Expect(rankings.Names.First).ToHaveTextAsync(q1.BestFirst[^1].Name);
        await session.ScreenshotAsync("leader-rankings");

        // The export link downloads the bulletin with the browser's own sign-in.
        var download = await page.Context.APIRequest.GetAsync((await rankings.Export.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
        session.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Office_SeesTheUnpublishedQuarterFirst_ClearlyMarked()
    {
        var (session, rankings) = await OpenRankingsAsync("office");
        await using var _ = session;

        await Assertions.Expect(rankings.UnpublishedMarker).ToContainTextAsync("未发布");
        await Assertions.Expect(session.Page.Locator("[data-testid=ranking-title]")).ToContainTextAsync("2026年第三季度");
        await Assertions.Expect(rankings.Names).ToHaveCountAsync(12);
        await session.ScreenshotAsync("office-rankings-unpublished");
        session.AssertNoBrowserErrors();
    }
}
