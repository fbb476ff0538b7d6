using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

/// <summary>报表中心: the request form (kind and parameters) and the history of generated reports.</summary>
public sealed class ReportCenterPage(IPage page)
{
    public ILocator History => page.Locator("[data-testid=report-history]");

    public ILocator HistoryRows => History.Locator("tbody tr");

    public ILocator Generate => page.Locator("button[data-testid=report-generate]");

    public async Task ChooseKindAsync(string name) => await ChooseAsync("report-kind", name);

    public async Task ChooseRunAsync(string label) => await ChooseAsync("report-run", label);

    private async Task ChooseAsync(string testId, string label)
    {
        await MudField.Of(page, testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = label }).ClickAsync();
        await Assertions.Expect(MudField.Of(page, testId)).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(label)));
    }
}
