using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

/// <summary>The layout every signed-in page shares: app bar, navigation, content.</summary>
public sealed class ShellPage(IPage page)
{
    /// <summary>Clicks before the circuit is interactive are lost; wait for it.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    public ILocator NavLinks => page.Locator("[data-testid=nav-menu] .mud-nav-link-text");

    public ILocator CurrentUser => page.Locator("[data-testid=current-user]");

    public ILocator AccessDenied => page.Locator("[data-testid=access-denied]");

    public Task OpenMenuAsync(string title) => page.Locator("[data-testid=nav-menu] a", new PageLocatorOptions { HasText = title }).ClickAsync();
}
