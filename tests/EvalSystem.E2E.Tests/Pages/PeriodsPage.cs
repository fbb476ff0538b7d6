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

    /// <summary>A department's row in the progress dialog.</summary>
    public ILocator ProgressRow(string department) =>
        page.Locator("[data-testid=progress-row]", new PageLocatorOptions { Has = page.Locator("td", new PageLocatorOptions { HasTextString = department }) });

    public ILocator OwnDeadline(string department) => ProgressRow(department).Locator("[data-testid=own-deadline]");

    /// <summary>Gives a department its own deadline: the dialog suggests three days after the period's; only the reason is typed.</summary>
    public async Task SetDepartmentDeadlineAsync(string department, string reason)
    {
        await ProgressRow(department).Locator("[data-testid=set-department-deadline]").ClickAsync();
        await Field("department-deadline-reason").FillAsync(reason);
        await page.Locator("[data-testid=department-deadline-save]").ClickAsync();
    }
}
