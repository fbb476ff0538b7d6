using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

public sealed class DashboardPage(IPage page)
{
    public ILocator Period => page.Locator("[data-testid=dashboard-period]");

    public ILocator RegionNames => page.Locator("[data-testid=region-values] [data-testid=region-name]");

    public ILocator RankingNames => page.Locator("[data-testid=ranking] [data-testid=ranking-name]");

    public ILocator RankingComposites => page.Locator("[data-testid=ranking] [data-testid=ranking-composite]");

    public async Task ChooseRunAsync(string label)
    {
        await page.Locator("[data-testid=dashboard-run]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = label }).ClickAsync();
    }

    public ILocator UnpublishedMarker => page.Locator("[data-testid=unpublished-run]");

    public ILocator Headline(string code) => page.Locator($"[data-testid=headline-{code}]");
}
