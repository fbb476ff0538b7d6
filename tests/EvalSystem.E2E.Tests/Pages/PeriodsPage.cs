using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

public sealed class PeriodsPage(IPage page)
{
    public ILocator Row(string periodName) =>
        page.Locator("[data-testid=periods] tbody tr", new PageLocatorOptions { Has = page.Locator("[data-testid=period-name]", new PageLocatorOptions { HasTextString = periodName }) });

    public ILocator Status(string periodName) => Row(periodName).Locator("[data-testid=period-status]");

    public ILocator LatestRun(string periodName) => Row(periodName).Locator("[data-testid=latest-run]");

    public Task ComputeAsync(string periodName) => Row(periodName).Locator("[data-testid=compute]").ClickAsync();

    public async Task PublishAsync(string periodName)
    {
        await Row(periodName).Locator("[data-testid=publish]").ClickAsync();
        // Confirm in the message box.
        await page.Locator(".mud-dialog button", new PageLocatorOptions { HasTextString = "发布" }).ClickAsync();
    }

    public ILocator Snackbar => page.Locator(".mud-snackbar");
}
