using ClosedXML.Excel;
using EvalSystem.E2E.Tests.Pages;
using EvalSystem.Reports.Bulletins;
using EvalSystem.Reports.Excel;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>报表中心 in the browser: an auditor generates the published ranking bulletin in the background and downloads it.</summary>
public sealed class ReportCenterJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Auditor_GeneratesThePublishedRankingBulletin_WaitsForItAndDownloadsIt()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("auditor");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        await shell.WaitUntilLoadedAsync();
        await shell.OpenMenuAsync("报表中心");
        await page.WaitForURLAsync("**/reports");
        await shell.WaitUntilInteractiveAsync();
        var reports = new ReportCenterPage(page);

        await reports.ChooseKindAsync("排名通报");
        await reports.ChooseRunAsync("2026年第二季度 · 地区 · 第1次计算");
        await reports.Generate.ClickAsync();

        // Generated in the background; the history refreshes itself until the job is done.
        var row = reports.HistoryRows.First;
        await Assertions.Expect(row).ToContainTextAsync("排名通报");
        await Assertions.Expect(row).ToContainTextAsync("评分批次：2026年第二季度 · 地区 · 第1次计算");
        await Assertions.Expect(row.Locator("[data-testid=report-status]")).ToContainTextAsync("已完成", new() { Timeout = 90_000 });
        await Assertions.Expect(row.Locator("[data-testid=report-sha256]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("report-center");

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=report-download]").ClickAsync());
        var path = Path.Combine(BrowserFixture.ArtifactsFolder, "report-center-download.xlsx");
        await download.SaveAsAsync(path);

        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("2026年第二季度", download.SuggestedFilename, StringComparison.Ordinal);
        using var book = OpenWithoutPictures(await File.ReadAllBytesAsync(path));
        var cover = book.Worksheet("封面");
        Assert.Contains("2026年第二季度营商环境评价地区排名通报", cover.CellsUsed().Select(c => c.GetString()));
        Assert.Contains(cover.CellsUsed(), c => c.GetString().Contains("审计局 赵审计", StringComparison.Ordinal));
        Assert.True(book.Worksheets.Contains(RankingBulletinWorkbook.RegionSheet));
        session.AssertNoBrowserErrors();
    }

    /// <summary>ClosedXML 0.95.4 needs libgdiplus to load pictures: opened the way uploads are, without the charts.</summary>
    private static XLWorkbook OpenWithoutPictures(byte[] content) => UploadedWorkbook.OpenCells(content);
}
