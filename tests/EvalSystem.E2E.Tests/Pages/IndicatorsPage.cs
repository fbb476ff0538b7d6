using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

public sealed class IndicatorsPage(IPage page)
{
    public ILocator Status => page.Locator("[data-testid=version-status]");
    public ILocator Problems => page.Locator("[data-testid=problems]");
    public ILocator Row(string code) => page.Locator($"[data-testid=node-{code}]");
    public ILocator Sum(string code) => page.Locator($"[data-testid=sum-{code}]");

    public Task NewDraftAsync() => page.Locator("[data-testid=new-draft]").ClickAsync();
    public Task PublishAsync() => page.Locator("[data-testid=publish-system]").ClickAsync();
    public Task AddUnderAsync(string groupCode) => page.Locator($"[data-testid=add-{groupCode}]").ClickAsync();

    public ILocator Input(string testId) => MudField.Of(page, testId);

    public async Task SetWeightAsync(string code, decimal weight)
    {
        var input = Input($"weight-{code}");
        await input.FillAsync(weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }

    public async Task ChooseRuleAsync(string label)
    {
        await page.Locator("[data-testid=rule-type]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = label }).ClickAsync();
    }

    public ILocator RuleScore => page.Locator("[data-testid=rule-score]");
    public ILocator RuleCurve => page.Locator("[data-testid=rule-curve] svg");
    public ILocator PenaltyLabel => page.Locator("[data-testid=penalty-label]");

    public async Task SetOverduePenaltyAsync(double perTask, double cap)
    {
        await Input("penalty-per-task").FillAsync(perTask.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Input("penalty-cap").FillAsync(cap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Input("penalty-cap").PressAsync("Tab");
        await page.Locator("[data-testid=save-penalty]").ClickAsync();
    }

    public Task SaveDialogAsync() => page.Locator("[data-testid=form-save]").ClickAsync();
}
