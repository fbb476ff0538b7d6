using EvalSystem.E2E.Tests.Pages;
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
        await shell.WaitUntilInteractiveAsync();
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
        await queued.Locator("[data-testid=return]").ClickAsync();
        await Field(officePage, "prompt-text").FillAsync("环节数与登记系统不一致，请核实。");
        await officePage.Locator("[data-testid=prompt-ok]").ClickAsync();
        await Assertions.Expect(queued).ToHaveCountAsync(0);
        office.AssertNoBrowserErrors();
        await office.DisposeAsync();

        (dept, page) = await SignInAsync("dept-amr", "数据填报");
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
        office.AssertNoBrowserErrors();
        await office.DisposeAsync();
    }
}
