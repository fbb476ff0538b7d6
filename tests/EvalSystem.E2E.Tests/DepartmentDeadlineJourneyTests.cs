using EvalSystem.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>Its own app: this journey changes a deadline of the collecting quarter.</summary>
public sealed class DepartmentDeadlineJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Office_SeesTheDemoExtension_AndGivesTaxItsOwnDeadline_ThenTaxSeesIt()
    {
        string granted;
        await using (var office = await browser.NewSessionAsync())
        {
            var page = office.Page;
            await new LoginPage(page).SignInAsync("office");
            await page.WaitForURLAsync("**/dashboard");
            var shell = new ShellPage(page);
            await shell.WaitUntilLoadedAsync();
            await shell.OpenMenuAsync("评价周期");
            await page.WaitForURLAsync("**/periods");
            var periods = new PeriodsPage(page);

            await periods.ShowProgressAsync("2026年第四季度");
            await Assertions.Expect(periods.OwnDeadline("自然资源和规划局")).ToContainTextAsync("单独截止");
            await Assertions.Expect(periods.OwnDeadline("税务局")).ToHaveCountAsync(0);

            await periods.SetDepartmentDeadlineAsync("税务局", "金税系统切换，延长3天");
            await Assertions.Expect(periods.OwnDeadline("税务局")).ToContainTextAsync("单独截止");
            granted = (await periods.OwnDeadline("税务局").InnerTextAsync()).Replace("单独截止", "").Trim(); // MM-dd HH:mm
            await office.ScreenshotAsync("office-department-deadlines");
            office.AssertNoBrowserErrors();
        }

        await using var tax = await browser.NewSessionAsync();
        await new LoginPage(tax.Page).SignInAsync("dept-tax");
        await tax.Page.WaitForURLAsync("**/dashboard");
        await new ShellPage(tax.Page).WaitUntilLoadedAsync();
        await tax.Page.GotoAsync(tax.Page.Url.Replace("/dashboard", "/submissions"));
        await new ShellPage(tax.Page).WaitUntilInteractiveAsync();
        await Assertions.Expect(tax.Page.GetByText(new System.Text.RegularExpressions.Regex(@"截止 \d{4}-" + System.Text.RegularExpressions.Regex.Escape(granted)))).ToBeVisibleAsync();
        await tax.ScreenshotAsync("tax-own-deadline");
        tax.AssertNoBrowserErrors();
    }
}
