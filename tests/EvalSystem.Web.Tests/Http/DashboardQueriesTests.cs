using System.Security.Claims;
using EvalSystem.Domain.Auditing;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Dashboard;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Http;

public sealed class DashboardQueriesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private AsyncServiceScope ScopeAs(string userName, string role)
    {
        var scope = app.Factory.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userName), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)], "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        scope.ServiceProvider.GetRequiredService<AuditActor>().Set(principal, "127.0.0.1");
        return scope;
    }

    [Fact]
    public async Task Leader_GetsTheLatestPeriodsValuesStraightFromTheDatabase()
    {
        await using var scope = ScopeAs("leader", Roles.Leader);
        var view = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetLatestRawValuesAsync();

        Assert.NotNull(view);
        Assert.Equal(("2026年第三季度", "2026年第二季度"), (view.PeriodName, view.PreviousPeriodName));
        Assert.Equal(["KB-2", "ZW-2", "ZW-4"], view.Indicators.Select(i => i.Code));
        Assert.Equal(12, view.Regions.Count);

        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var expected = await (from v in db.IndicatorValues
                              join p in db.Periods on v.PeriodId equals p.Id
                              join n in db.IndicatorNodes on v.IndicatorNodeId equals n.Id
                              join t in db.Targets on v.TargetId equals t.Id
                              where p.Name == "2026年第三季度" && n.Code == "ZW-2" && t.Name == "石桥县"
                              select v.Value).SingleAsync();
        Assert.Equal(expected, view.Regions.Single(r => r.RegionName == "石桥县").Values[1]);
        var average = view.Regions.Average(r => r.Values[1]!.Value);
        Assert.Equal(average, view.Summaries[1].CityAverage!.Value, precision: 9);
    }

    [Fact]
    public async Task Laggard_IsFlaggedAgainstTheWarningValue()
    {
        await using var scope = ScopeAs("leader", Roles.Leader);
        var view = (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetLatestRawValuesAsync())!;
        var startUp = view.Indicators[0];

        var laggard = view.Regions.Single(r => r.RegionName == "石桥县").Values[0];
        Assert.Equal(ValueStanding.Warning, startUp.Classify(laggard));
    }

    [Fact]
    public async Task Administrator_IsRefusedAndTheRefusalIsAudited()
    {
        await using var scope = ScopeAs("admin", Roles.Admin);
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetLatestRawValuesAsync());
        Assert.Contains("没有", ex.Message);

        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.UserName == "admin" && a.EntityKey == Policies.ViewDashboard));
    }
}
