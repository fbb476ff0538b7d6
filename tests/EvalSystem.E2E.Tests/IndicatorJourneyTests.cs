using EvalSystem.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests;

/// <summary>Its own app: this journey publishes a new system version.</summary>
public sealed class IndicatorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Office_AddsABandedIndicator_SeesItsPreviewScore_SetsTheOverduePenalty_AndPublishesANewVersion()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await new LoginPage(page).SignInAsync("office");
        await page.WaitForURLAsync("**/dashboard");
        var shell = new ShellPage(page);
        await shell.WaitUntilLoadedAsync();
        await shell.OpenMenuAsync("指标体系");
        var indicators = new IndicatorsPage(page);
        await Assertions.Expect(indicators.Status).ToContainTextAsync("已发布");

        await indicators.NewDraftAsync();
        await Assertions.Expect(indicators.Status).ToContainTextAsync("草稿");
        await shell.WaitUntilInteractiveAsync();

        await indicators.AddUnderAsync("ZW");
        await indicators.Input("form-code").FillAsync("ZW-6");
        await indicators.Input("form-name").FillAsync("一件事一次办覆盖率");
        await indicators.Input("form-weight").FillAsync("10");
        await indicators.Input("form-unit").FillAsync("%");
        await indicators.ChooseRuleAsync("分档赋分");
        await indicators.Input("rule-sample").FillAsync("0.5");
        await Assertions.Expect(indicators.RuleScore).ToHaveTextAsync("得分 100");
        await Assertions.Expect(indicators.RuleCurve).ToBeVisibleAsync();
        await session.ScreenshotAsync("office-rule-preview");
        await indicators.SaveDialogAsync();

        await Assertions.Expect(indicators.Row("ZW-6")).ToBeVisibleAsync();
        await Assertions.Expect(indicators.Sum("ZW")).ToHaveTextAsync("110%");
        await Assertions.Expect(indicators.Problems).ToContainTextAsync("110%");

        await indicators.SetWeightAsync("ZW-1", 5);
        await Assertions.Expect(indicators.Sum("ZW")).ToHaveTextAsync("100%");
        await Assertions.Expect(indicators.Problems).ToHaveCountAsync(0);

        await indicators.SetOverduePenaltyAsync(2, 10);
        await Assertions.Expect(indicators.PenaltyLabel).ToHaveTextAsync("督办任务超期扣分：每件扣2分，最多扣10分");
        await session.ScreenshotAsync("office-indicator-draft");

        await indicators.PublishAsync();
        await Assertions.Expect(indicators.Status).ToContainTextAsync("已发布");
        await Assertions.Expect(indicators.PenaltyLabel).ToContainTextAsync("每件扣2分，最多扣10分");
        await Assertions.Expect(page.Locator("[data-testid=save-penalty]")).ToHaveCountAsync(0);
        session.AssertNoBrowserErrors();
    }
}
