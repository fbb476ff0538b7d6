using System.Globalization;
using System.Text;
using EvalSystem.E2E.Tests.Pages;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>Its own app: the journey imports cases into the collecting quarter, next to the demo city's seeded cases.</summary>
public sealed class CaseDataJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Header = "办件编号,事项编码,事项名称,部门编码,区划代码,办理渠道,受理时间,办结时间,承诺时限,办件状态";

    private static FilePayload Csv(string name, params string[] lines) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]) + "\n"),
    };

    /// <summary>The approval time of 中心区 the import stored for the collecting quarter.</summary>
    private async Task<double> StoredApprovalTimeAsync()
    {
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        return await (from v in db.IndicatorValues
                      join p in db.Periods on v.PeriodId equals p.Id
                      join n in db.IndicatorNodes on v.IndicatorNodeId equals n.Id
                      join t in db.Targets on v.TargetId equals t.Id
                      where p.Name == "2026年第四季度" && n.Code == "ZW-2" && t.Name == "中心区"
                      select v.Value).SingleAsync();
    }

    [Fact]
    public async Task Office_ImportsCasesWithABadRow_FixesIt_AndSeesTheApprovalTimeFilled()
    {
        var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("office");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        await shell.WaitUntilLoadedAsync();
        await shell.OpenMenuAsync("办件与好差评");
        await Assertions.Expect(page.Locator("[data-testid=case-data-title]")).ToHaveAttributeAsync("data-loaded", "true");
        // The demo city's cases of the quarter so far are behind 中心区's approval time already.
        var row = page.Locator("[data-testid=measure-values] tbody tr").Filter(new() { HasTextString = "中心区" }).Filter(new() { HasTextString = "ZW-2" });
        var seeded = int.Parse(await row.Locator("[data-testid=basis-open]").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(seeded > 0);

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

        // 3 and 5 working days join the seeded cases: two more records behind the value the import stored.
        await Assertions.Expect(row.Locator("[data-testid=basis-open]")).ToHaveTextAsync((seeded + 2).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(row).ToContainTextAsync($"{(await StoredApprovalTimeAsync()).ToString("0.##", CultureInfo.InvariantCulture)} 工作日");
        await Assertions.Expect(row).ToContainTextAsync("平均审批时间");
        await session.ScreenshotAsync("office-case-data");

        // The evidence of the computed value: the cases behind it, longest first; the imported late one among them.
        await row.Locator("[data-testid=basis-open]").ClickAsync();
        var basis = page.Locator("[data-testid=basis-rows] tbody tr");
        await Assertions.Expect(basis.Filter(new() { HasTextString = "E2E-002" })).ToContainTextAsync("5 个工作日（承诺 4），超时");
        var longest = await basis.First.InnerTextAsync();
        Assert.Matches(@"(\d+) 个工作日", longest);
        Assert.True(int.Parse(System.Text.RegularExpressions.Regex.Match(longest, @"(\d+) 个工作日").Groups[1].Value, CultureInfo.InvariantCulture) >= 5, longest);
        await session.ScreenshotAsync("office-case-basis");
        session.AssertNoBrowserErrors();
        await session.DisposeAsync();
    }
}
