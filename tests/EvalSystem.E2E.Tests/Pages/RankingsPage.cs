using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

/// <summary>排名: period selector, kind tabs, filter and the server-paged ranking grid.</summary>
public sealed class RankingsPage(IPage page)
{
    public ILocator Grid => page.Locator("[data-testid=ranking-grid]");

    public ILocator Names => Grid.Locator("[data-testid=ranking-name]");

    public ILocator Ranks => Grid.Locator("[data-testid=ranking-rank]");

    public ILocator Composites => Grid.Locator("[data-testid=ranking-composite] strong");

    public ILocator Intervals => Grid.Locator("[data-testid=ranking-interval]");

    public ILocator Rows => Grid.Locator("tbody tr");

    public ILocator UnpublishedMarker => page.Locator("[data-testid=unpublished-run]");

    public ILocator Export => page.Locator("a[data-testid=ranking-export]");

    public ILocator Period => page.Locator("[data-testid=ranking-period]");

    /// <summary>The id of the score run the grid shows; it changes once the grid has loaded another run.</summary>
    public Task<string?> RunIdAsync() => Grid.GetAttributeAsync("data-run");

    public async Task ChoosePeriodAsync(string label)
    {
        await Period.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = label }).ClickAsync();
    }

    public Task ShowKindAsync(string tab) => page.Locator("[data-testid=ranking-kinds] .mud-tab", new PageLocatorOptions { HasTextString = tab }).ClickAsync();

    public Task SortByAsync(string column) =>
        Grid.Locator("thead .mud-table-sort-label", new LocatorLocatorOptions { HasTextString = column }).ClickAsync();
}
