using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

/// <summary>督查督办: the office board and list, the department's own tasks, and the task dialogs.</summary>
public sealed class SupervisionPage(IPage page)
{
    public ILocator Board => page.Locator("[data-testid=overdue-board]");

    public ILocator Rates => page.Locator("[data-testid=department-rates]");

    public ILocator Detail => page.Locator(".mud-dialog").Filter(new() { Has = page.Locator("[data-testid=history]") });

    public ILocator Row(string text) => page.Locator("[data-testid=task-table] tbody tr").Filter(new() { HasTextString = text });

    public ILocator RateOf(string department) => Rates.Locator("tbody tr").Filter(new() { HasTextString = department }).Locator("[data-testid=rate]");

    public Task ShowTabAsync(string title) => page.Locator(".mud-tab", new PageLocatorOptions { HasTextString = title }).ClickAsync();

    /// <summary>Generates from the published run of a region quarter (the newest published run may be the department assessment's).</summary>
    public async Task GenerateAsync(string indicatorCode, string period = "2026年第二季度")
    {
        await page.Locator("[data-testid=generate]").ClickAsync();
        await page.Locator("[data-testid=generate-run]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = period + "（" }).ClickAsync();
        await Assertions.Expect(MudField.Of(page, "generate-run")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + period + "（"));
        await page.Locator("[data-testid=generate-indicator]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = indicatorCode }).ClickAsync();
        await page.Locator("[data-testid=generate-preview]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=preview-count]")).ToContainTextAsync("将下发");
    }

    public Task ConfirmGenerateAsync() => page.Locator("[data-testid=generate-confirm]").ClickAsync();

    public Task OpenAsync(string text) => Row(text).Locator("[data-testid=open-task]").ClickAsync();

    /// <summary>Clicks a step in the task dialog; when it asks for a comment, writes it and confirms.</summary>
    public async Task StepAsync(string testId, string? comment = null)
    {
        await page.Locator($"[data-testid={testId}]").ClickAsync();
        var prompt = page.Locator("[data-testid=prompt-ok]");
        await prompt.WaitForAsync();
        if (comment is not null)
            await MudField.Of(page, "prompt-text").FillAsync(comment);
        await prompt.ClickAsync();
    }

    public async Task ReportProgressAsync(string text, FilePayload file)
    {
        await page.Locator("[data-testid=report]").ClickAsync();
        await MudField.Of(page, "progress-text").FillAsync(text);
        await page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(file);
        await Assertions.Expect(page.Locator("[data-testid=picked-file]")).ToContainTextAsync(file.Name);
        await page.Locator("[data-testid=progress-save]").ClickAsync();
        await Assertions.Expect(Detail.Locator("[data-testid=progress-file]")).ToContainTextAsync(file.Name);
    }

    public Task CloseDetailAsync() => page.Locator("[data-testid=detail-close]").ClickAsync();
}
