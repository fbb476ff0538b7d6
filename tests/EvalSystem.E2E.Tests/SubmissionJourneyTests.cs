using EvalSystem.E2E.Tests.Pages;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>Its own app: the journey changes the collecting period's submissions.</summary>
public sealed class SubmissionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static ILocator Field(IPage page, string testId) => MudField.Of(page, testId);

    private static ILocator MyRow(IPage page, string indicator, string target) =>
        page.Locator("[data-testid=my-items] tbody tr").Filter(new() { HasTextString = indicator }).Filter(new() { HasTextString = target });

    private async Task<(BrowserSession Session, IPage Page)> SignInAsync(string user, string menu)
    {
        var session = await browser.NewSessionAsync();
        await new LoginPage(session.Page).SignInAsync(user);
        await session.Page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(session.Page);
        await shell.WaitUntilLoadedAsync();
        await shell.OpenMenuAsync(menu);
        return (session, session.Page);
    }

    [Fact]
    public async Task Department_SubmitsWithAPdf_OfficeReturns_DepartmentResubmits_OfficeApproves()
    {
        var (dept, page) = await SignInAsync("dept-amr", "数据填报");
        var row = MyRow(page, "开办企业环节", "中心区");
        await row.Locator("[data-testid=enter]").ClickAsync();
        await Field(page, "value").FillAsync("4");
        await page.Locator("[data-testid=save-draft]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("草稿");
        await row.Locator("[data-testid=evidence]").ClickAsync();
        await page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "登记系统导出.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray(),
        });
        await Assertions.Expect(page.Locator("[data-testid=evidence-list]")).ToContainTextAsync("登记系统导出.pdf");
        await dept.ScreenshotAsync("dept-evidence");
        await page.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "完成" }).ClickAsync();
        await row.Locator("[data-testid=submit]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已提交");
        dept.AssertNoBrowserErrors();
        await dept.DisposeAsync();

        var (office, officePage) = await SignInAsync("office", "审核");
        var queued = officePage.Locator("[data-testid=review-queue] tbody tr").Filter(new() { HasTextString = "中心区" });
        await queued.Locator("[data-testid=evidence]").ClickAsync();
        await Assertions.Expect(officePage.Locator("[data-testid=evidence-list]")).ToContainTextAsync("登记系统导出.pdf");
        await officePage.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "完成" }).ClickAsync();
        await queued.Locator("[data-testid=review]").ClickAsync();
        await Assertions.Expect(officePage.Locator("[data-testid=review-evidence]")).ToContainTextAsync("登记系统导出.pdf");
        await officePage.Locator("[data-testid=review-return]").ClickAsync();
        await Assertions.Expect(officePage.Locator("[data-testid=review-error]")).ToContainTextAsync("退回必须填写审核意见");
        await Field(officePage, "review-comment").FillAsync("环节数与登记系统不一致，请核实。");
        await office.ScreenshotAsync("office-review-dialog");
        await officePage.Locator("[data-testid=review-return]").ClickAsync();
        await Assertions.Expect(queued).ToHaveCountAsync(0);
        office.AssertNoBrowserErrors();
        await office.DisposeAsync();

        (dept, page) = await SignInAsync("dept-amr", "数据填报");
        await Assertions.Expect(page.Locator("[data-testid=notification-count]")).ToContainTextAsync("1");
        await page.Locator("[data-testid=notification-bell]").ClickAsync();
        var notice = page.Locator("[data-testid=notification-item]").Filter(new() { HasTextString = "被退回" });
        await Assertions.Expect(notice).ToContainTextAsync("环节数与登记系统不一致");
        await dept.ScreenshotAsync("dept-notifications");
        await notice.ClickAsync();
        row = MyRow(page, "开办企业环节", "中心区");
        await Assertions.Expect(row).ToContainTextAsync("环节数与登记系统不一致");
        await row.Locator("[data-testid=enter]").ClickAsync();
        await Field(page, "value").FillAsync("3");
        await page.Locator("[data-testid=save-draft]").ClickAsync();
        await row.Locator("[data-testid=submit]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已提交");
        await dept.ScreenshotAsync("dept-my-submissions");
        await dept.DisposeAsync();

        (office, officePage) = await SignInAsync("office", "审核");
        queued = officePage.Locator("[data-testid=review-queue] tbody tr").Filter(new() { HasTextString = "中心区" });
        await Assertions.Expect(queued).ToContainTextAsync("第2版");
        await office.ScreenshotAsync("office-review-queue");
        await queued.Locator("[data-testid=history-open]").ClickAsync();
        var history = officePage.Locator("[data-testid=history]");
        await Assertions.Expect(history).ToContainTextAsync("环节数与登记系统不一致");
        await Assertions.Expect(history).ToContainTextAsync("数值 4");
        await Assertions.Expect(history).ToContainTextAsync("数值 3");
        await officePage.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "关闭" }).ClickAsync();
        await queued.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(queued).ToHaveCountAsync(0);

        // The office ends collection and computes: the score run takes the approved value, 3.
        await new ShellPage(officePage).OpenMenuAsync("评价周期");
        var periods = new PeriodsPage(officePage);
        await periods.ShowProgressAsync("2026年第四季度");
        await officePage.Locator(".mud-dialog .mud-tab", new PageLocatorOptions { HasTextString = "未报清单" }).ClickAsync();
        await Assertions.Expect(officePage.Locator("[data-testid=outstanding-table]")).ToContainTextAsync("市场监督管理局");
        await office.ScreenshotAsync("office-outstanding-list");
        await officePage.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "关闭" }).ClickAsync();
        await periods.Row("2026年第四季度").Locator("[data-testid=close]").ClickAsync();
        await Assertions.Expect(periods.Status("2026年第四季度")).ToContainTextAsync("审核中");
        await periods.ComputeAsync("2026年第四季度");
        await Assertions.Expect(periods.LatestRun("2026年第四季度")).ToContainTextAsync("第1次", new() { Timeout = 60_000 });
        office.AssertNoBrowserErrors();
        await office.DisposeAsync();

        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var period = await db.Periods.SingleAsync(p => p.Name == "2026年第四季度");
        var run = await db.ScoreRuns.Where(r => r.PeriodId == period.Id).SingleAsync();
        var used = await (from s in db.IndicatorScores
                          join n in db.IndicatorNodes on s.IndicatorNodeId equals n.Id
                          join t in db.Targets on s.TargetId equals t.Id
                          where s.RunId == run.Id && n.Code == "KB-1" && t.Name == "中心区"
                          select s.RawValue).SingleAsync();
        Assert.Equal(3, used);
    }
}
