using Microsoft.Playwright;

namespace EvalSystem.E2E.Tests.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string userName, string password = "Eval@2026")
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }

    public ILocator Error => page.Locator("[data-testid=login-error]");
}
