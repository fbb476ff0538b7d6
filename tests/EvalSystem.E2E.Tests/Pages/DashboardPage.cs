using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

public sealed class DashboardPage(IPage page)
{
    public ILocator Period => page.Locator("[data-testid=dashboard-period]");

    public ILocator RegionNames => page.Locator("[data-testid=region-values] [data-testid=region-name]");

    public ILocator RankingNames => page.Locator("[data-testid=ranking] [data-testid=ranking-name]");

    public ILocator RankingComposites => page.Locator("[data-testid=ranking] [data-testid=ranking-composite]");

    /// <summary>The period is a GET form: choosing one loads the dashboard's address for that run.</summary>
    public async Task ChooseRunAsync(string label)
    {
        await page.Locator("[data-testid=dashboard-run] select").SelectOptionAsync(new SelectOptionValue { Label = label });
        await Assertions.Expect(Period).ToContainTextAsync(label.Split('（')[0]);
    }

    public async Task ChooseRadarRegionAsync(string region)
    {
        await page.Locator("[data-testid=radar-region] select").SelectOptionAsync(new SelectOptionValue { Label = region });
        await Assertions.Expect(Chart("radar")).ToContainTextAsync($"{region} 与全市平均");
    }

    public ILocator Chart(string key) => page.Locator($"[data-testid=chart-{key}]");

    public ILocator UnpublishedMarker => page.Locator("[data-testid=unpublished-run]");

    public ILocator Headline(string code) => page.Locator($"[data-testid=headline-{code}]");
}
