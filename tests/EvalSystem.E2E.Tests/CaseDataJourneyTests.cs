using System.Text;
using EvalSystem.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>Its own app: the journey imports cases into the collecting quarter.</summary>
public sealed class CaseDataJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Header = "办件编号,事项编码,事项名称,部门编码,区划代码,办理渠道,受理时间,办结时间,承诺时限,办件状态";

    private static FilePayload Csv(string name, params string[] lines) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]) + "\n"),
    };

    [Fact]
    public async Task Office_ImportsCasesWithABadRow_FixesIt_AndSeesTheApprovalTimeFilled()
    {
        var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("office");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        await shell.WaitUntilInteractiveAsync();
        await shell.OpenMenuAsync("办件与好差评");
        await Assertions.Expect(page.Locator("[data-testid=case-data-title]")).ToHaveAttributeAsync("data-loaded", "true");

        // Row 3 names a department that does not exist: nothing is imported and the row is named.
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(Csv("十一月办件.csv",
            "E2E-001,X1,企业设立登记,GSA,990102,线上,2026-11-02 09:00,2026-11-05 10:00,5,已办结",
            "E2E-002,X2,食品经营许可,GSX,990102,窗口,2026-11-02 10:00,2026-11-09 16:00,4,已办结"));
        var errors = page.Locator("[data-testid=import-errors]");
        await Assertions.Expect(errors).ToContainTextAsync("GSX", new() { Timeout = 30_000 });
        await Assertions.Expect(errors.Locator("tbody tr").First).ToContainTextAsync("3");
        await session.ScreenshotAsync("office-case-import-errors");
        await page.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "关闭" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-history]")).ToContainTextAsync("未导入");

        await page.Locator("input[type=file]").Last.SetInputFilesAsync(Csv("十一月办件（已修正）.csv",
            "E2E-001,X1,企业设立登记,GSA,990102,线上,2026-11-02 09:00,2026-11-05 10:00,5,已办结",
            "E2E-002,X2,食品经营许可,GSA,990102,窗口,2026-11-02 10:00,2026-11-09 16:00,4,已办结"));
        await Assertions.Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("新增 2 条", new() { Timeout = 30_000 });

        // 3 and 5 working days: the approval-time indicator of 中心区 is 4 for the collecting quarter.
        var row = page.Locator("[data-testid=measure-values] tbody tr").Filter(new() { HasTextString = "中心区" }).Filter(new() { HasTextString = "ZW-2" });
        await Assertions.Expect(row).ToContainTextAsync("4 工作日");
        await Assertions.Expect(row).ToContainTextAsync("平均审批时间");
        await session.ScreenshotAsync("office-case-data");

        // The evidence of the computed value: the two cases behind it, longest first.
        await row.Locator("[data-testid=basis-open]").ClickAsync();
        var basis = page.Locator("[data-testid=basis-rows] tbody tr");
        await Assertions.Expect(basis).ToHaveCountAsync(2);
        await Assertions.Expect(basis.First).ToContainTextAsync("E2E-002");
        await Assertions.Expect(basis.First).ToContainTextAsync("5 个工作日（承诺 4），超时");
        await session.ScreenshotAsync("office-case-basis");
        session.AssertNoBrowserErrors();
        await session.DisposeAsync();
    }
}
