using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

/// <summary>The layout every signed-in page shares: app bar, navigation, content.</summary>
public sealed class ShellPage(IPage page)
{
    /// <summary>Clicks before the circuit is interactive are lost; wait for it.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    /// <summary>
    /// After a full page load: an interactive page is ready when its circuit is, a static page (the dashboard, which has no
    /// circuit) as soon as it is there. Not after a navigation inside the app, where the previous page may still be shown.
    /// </summary>
    public Task WaitUntilLoadedAsync() =>
        page.Locator("[data-interactive=true], [data-render-mode=static]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    /// <summary>Whether the page in the browser was rendered statically (no circuit).</summary>
    public ILocator StaticPage => page.Locator("[data-render-mode=static]");

    public ILocator NavLinks => page.Locator("[data-testid=nav-menu] .mud-nav-link-text");

    public ILocator CurrentUser => page.Locator("[data-testid=current-user]");

    public ILocator AccessDenied => page.Locator("[data-testid=access-denied]");

    /// <summary>
    /// Follows a menu entry and waits until the page it opens is usable: the static dashboard once it is shown, any other
    /// page once its circuit is interactive (reached from the static dashboard, it starts one).
    /// </summary>
    public async Task OpenMenuAsync(string title)
    {
        var link = page.Locator("[data-testid=nav-menu] a", new PageLocatorOptions { HasText = title });
        var href = (await link.GetAttributeAsync("href"))!.TrimStart('/');
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/{href}");
        if (href == "dashboard")
            await page.Locator("[data-render-mode=static]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        else
            await WaitUntilInteractiveAsync();
    }
}
