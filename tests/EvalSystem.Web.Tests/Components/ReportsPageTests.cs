using Bunit;
using EvalSystem.Web.Components.Pages.Reports;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Reports;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>
/// The 报表中心 page with the real report center service on an empty SQLite file of its own. No worker runs here, so a request
/// stays 排队中: the page shows what the service stored.
/// </summary>
public sealed class ReportsPageTests : MudTestContext
{
    public ReportsPageTests() : base(services =>
    {
        services.AddSingleton(_ => new SqliteTestDatabase());
        services.AddSingleton<IDbContextFactory<EvalDbContext>>(sp => new Factory(sp.GetRequiredService<SqliteTestDatabase>()));
        services.AddScoped(sp => sp.GetRequiredService<SqliteTestDatabase>().Actor);
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AccessGuard>();
        services.AddSingleton<ReportCatalog>();
        services.AddSingleton<ReportQueue>();
        services.AddSingleton(new ReportOptions());
        services.AddSingleton(sp => new ReportFileStore(sp.GetRequiredService<ReportOptions>(), Path.GetDirectoryName(sp.GetRequiredService<SqliteTestDatabase>().Path)!));
        services.AddScoped<ReportCenterService>();
    })
    {
    }

    private sealed class Factory(SqliteTestDatabase db) : IDbContextFactory<EvalDbContext>
    {
        public EvalDbContext CreateDbContext() => db.CreateContext();
    }

    [Fact]
    public async Task Auditor_RequestsTheRectificationRegister_AndTheHistoryShowsItQueued()
    {
        SignInAs("auditor", Roles.Auditor);
        var page = RenderSignedIn<ReportsPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=report-history]"));
        Assert.Contains("还没有生成过报表", page.Find("[data-testid=report-history]").TextContent);

        var kinds = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => kinds.Instance.ValueChanged.InvokeAsync("rectification-register"));
        page.Find("button[data-testid=report-generate]").Click();

        await page.WaitForAssertionAsync(() => Assert.True(page.Find("[data-testid=report-history] tbody").TextContent.Contains("整改台账"), page.Markup));
        Assert.Equal("排队中", page.Find("[data-testid=report-status] .mud-chip").TextContent.Trim());
        Assert.Contains("auditor", page.Find("[data-testid=report-history] tbody").TextContent);
        Assert.Empty(page.FindAll("[data-testid=report-download]"));
    }

    [Fact]
    public async Task DepartmentUser_IsOfferedOnlyTheScorecard()
    {
        SignInAs("dept-sjj", Roles.Department);
        var page = RenderSignedIn<ReportsPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=report-history]"));

        var kinds = page.FindComponent<ReportRequestForm>().Instance.Choices.Kinds;

        Assert.Equal(["评分卡"], kinds.Select(k => k.DisplayName));
    }

    [Fact]
    public async Task ARequestWithoutAPeriod_ShowsWhatIsMissing_AndQueuesNothing()
    {
        SignInAs("office", Roles.Office);
        var page = RenderSignedIn<ReportsPage>();
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=report-history]"));

        var kinds = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => kinds.Instance.ValueChanged.InvokeAsync("all-cases"));
        page.Find("button[data-testid=report-generate]").Click();

        await page.WaitForAssertionAsync(() => Assert.Equal("请选择评价周期。", page.Find("[data-testid=report-refused]").TextContent.Trim()));
        Assert.Contains("还没有生成过报表", page.Find("[data-testid=report-history]").TextContent);
    }
}
