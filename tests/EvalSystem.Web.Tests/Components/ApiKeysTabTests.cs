using Bunit;
using EvalSystem.Web.Components.Pages.Admin;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Integration;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>The 接口密钥 tab with the real <see cref="ApiKeyService"/> on a SQLite file: the new key is shown once, then only its prefix.</summary>
public sealed class ApiKeysTabTests : MudTestContext
{
    public ApiKeysTabTests() : base(services =>
    {
        // Created by the container, so disposed (file deleted) with it.
        services.AddSingleton(_ => new SqliteTestDatabase());
        services.AddSingleton<IDbContextFactory<EvalDbContext>>(sp => new Factory(sp.GetRequiredService<SqliteTestDatabase>()));
        services.AddScoped(sp => sp.GetRequiredService<SqliteTestDatabase>().Actor);
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AccessGuard>();
        services.AddScoped<ApiKeyService>();
    }) => SignInAs("admin", Roles.Admin);

    private sealed class Factory(SqliteTestDatabase db) : IDbContextFactory<EvalDbContext>
    {
        public EvalDbContext CreateDbContext() => db.CreateContext();
    }

    private static string Selector(string testId) => $"[data-testid={testId}] input, input[data-testid={testId}]";

    [Fact]
    public async Task CreatingAKey_ShowsItOnceInAReadOnlyField_ThenTheListShowsOnlyItsPrefix()
    {
        var dialogs = Render<MudDialogProvider>();
        var tab = RenderSignedIn<ApiKeysTab>();
        await tab.WaitForAssertionAsync(() => Assert.Contains("还没有接口密钥", tab.Markup));

        tab.Find("[data-testid=api-key-new]").Click();
        (await dialogs.WaitForElementAsync(Selector("api-key-name"))).Input("一网通办平台");
        dialogs.Find(Selector("api-key-name")).Blur();
        dialogs.Find(Selector("api-key-scope-cases-write")).Change(true);
        dialogs.Find("[data-testid=api-key-create]").Click();

        var field = await dialogs.WaitForElementAsync(Selector("api-key-value"));
        var key = field.GetAttribute("value")!;
        Assert.StartsWith("esk_", key);
        Assert.True(field.HasAttribute("readonly"));
        Assert.Contains("密钥只显示这一次，请立即复制保存", dialogs.Find("[data-testid=api-key-warning]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=api-key-create]")); // no second key from the same dialog

        dialogs.Find("[data-testid=api-key-copy]").Click();
        Assert.Equal(key, JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments[0]);

        dialogs.Find("[data-testid=api-key-done]").Click();
        await tab.WaitForAssertionAsync(() => Assert.Equal("一网通办平台", tab.Find("[data-testid=api-client-name]").TextContent));
        Assert.Equal(key[..8] + "…", tab.Find("[data-testid=api-client-prefix]").TextContent);
        Assert.Equal("有效", tab.Find("[data-testid=api-client-status]").TextContent.Trim());
        Assert.Contains("办件数据写入", tab.Markup);
        Assert.Empty(dialogs.FindAll("[data-testid=api-key-value]"));
        Assert.DoesNotContain(key, tab.Markup + dialogs.Markup);
    }

    [Fact]
    public async Task CreatingWithoutAScope_StaysOpenWithTheReason_AndShowsNoKey()
    {
        var dialogs = Render<MudDialogProvider>();
        var tab = RenderSignedIn<ApiKeysTab>();

        tab.Find("[data-testid=api-key-new]").Click();
        (await dialogs.WaitForElementAsync(Selector("api-key-name"))).Input("好差评系统");
        dialogs.Find(Selector("api-key-name")).Blur();
        dialogs.Find("[data-testid=api-key-create]").Click();

        await dialogs.WaitForAssertionAsync(() => Assert.Equal("请至少选择一项接口权限。", dialogs.Find("[data-testid=dialog-error]").TextContent));
        Assert.Empty(dialogs.FindAll("[data-testid=api-key-value]"));
    }

    [Fact]
    public async Task Revoking_AsksFirst_ThenMarksTheKeyRevoked()
    {
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("旧平台", ["cases:write"]);
        var dialogs = Render<MudDialogProvider>();
        var tab = RenderSignedIn<ApiKeysTab>();
        await tab.WaitForAssertionAsync(() => Assert.Equal("有效", tab.Find("[data-testid=api-client-status]").TextContent.Trim()));

        tab.Find("[data-testid=api-client-revoke]").Click();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("立即无法调用接口", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "吊销").Click();

        await tab.WaitForAssertionAsync(() => Assert.Equal("已吊销", tab.Find("[data-testid=api-client-status]").TextContent.Trim()));
        Assert.Empty(tab.FindAll("[data-testid=api-client-revoke]"));
    }
}
