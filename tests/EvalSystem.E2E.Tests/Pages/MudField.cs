using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

/// <summary>
/// A MudBlazor input by its data-testid. MudBlazor puts user attributes on the field's wrapper or on the input
/// itself, and multi-line fields render a textarea; this finds the editable element in every case.
/// </summary>
public static class MudField
{
    public static ILocator Of(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;
}
