using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

public sealed class PeriodsPage(IPage page)
{
    /// <summary>The row of the period with exactly this name (2026年第三季度 is not 2026年第三季度·部门考核).</summary>
    public ILocator Row(string periodName) =>
        page.Locator("[data-testid=periods] tbody tr", new PageLocatorOptions
        {
            Has = page.Locator("[data-testid=period-name]", new PageLocatorOptions
            {
                HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(periodName) + "\\s*$"),
            }),
        });

    public ILocator Status(string periodName) => Row(periodName).Locator("[data-testid=period-status]");

    public ILocator LatestRun(string periodName) => Row(periodName).Locator("[data-testid=latest-run]");

    public Task ComputeAsync(string periodName) => Row(periodName).Locator("[data-testid=compute]").ClickAsync();

    public async Task PublishAsync(string periodName)
    {
        await Row(periodName).Locator("[data-testid=publish]").ClickAsync();
        // Confirm in the message box.
        await page.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "发布" }).ClickAsync();
    }

    private ILocator Field(string testId) => MudField.Of(page, testId);

    public ILocator Snackbar => page.Locator(".mud-snackbar");

    public async Task CreateQuarterAsync(int year, int quarter)
    {
        await page.Locator("[data-testid=create-period]").ClickAsync();
        await Field("create-year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field("create-part").FillAsync(quarter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=create-save]").ClickAsync();
    }

    public async Task OpenCollectionAsync(string periodName)
    {
        await Row(periodName).Locator("[data-testid=open]").ClickAsync();
        await page.Locator("[data-testid=prompt-ok]").ClickAsync();
    }

    public Task ShowProgressAsync(string periodName) => Row(periodName).Locator("[data-testid=progress]").ClickAsync();
}
