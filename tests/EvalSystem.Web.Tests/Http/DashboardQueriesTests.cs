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
    [Fact]
    public async Task Leader_GetsTheLatestPeriodsValuesStraightFromTheDatabase()
    {
        await using var scope = app.ScopeAs("leader", Roles.Leader);
        var view = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync();

        Assert.NotNull(view);
        // The newest published run is 2026 Q2; Q3 is scored but not yet published.
        Assert.Equal(("2026年第二季度", "2026年第一季度"), (view.PeriodName, view.PreviousPeriodName));
        Assert.True(view.Scores!.IsPublished);
        Assert.Equal(["KB-2", "ZW-2", "ZW-4"], view.Indicators.Select(i => i.Code));
        Assert.Equal(12, view.Regions.Count);

        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var expected = await (from v in db.IndicatorValues
                              join p in db.Periods on v.PeriodId equals p.Id
                              join n in db.IndicatorNodes on v.IndicatorNodeId equals n.Id
                              join t in db.Targets on v.TargetId equals t.Id
                              where p.Name == "2026年第二季度" && n.Code == "ZW-2" && t.Name == "石桥县"
                              select v.Value).SingleAsync();
        Assert.Equal(expected, view.Regions.Single(r => r.RegionName == "石桥县").Values[1]);
        var average = view.Regions.Average(r => r.Values[1]!.Value);
        Assert.Equal(average, view.Summaries[1].CityAverage!.Value, precision: 9);
    }

    [Fact]
    public async Task Office_AlsoSeesTheNewestUnpublishedRun_ClearlyMarked()
    {
        await using var scope = app.ScopeAs("office", Roles.Office);
        var view = (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync())!;

        Assert.Equal("2026年第三季度", view.PeriodName);
        Assert.False(view.Scores!.IsPublished);
    }

    [Fact]
    public async Task TheRunSelector_OffersPublishedRuns_AndTheOfficeAlsoTheUnpublishedOne()
    {
        await using var leader = app.ScopeAs("leader", Roles.Leader);
        var queries = leader.ServiceProvider.GetRequiredService<DashboardQueries>();
        var runs = await queries.RunsAsync();
        Assert.Equal(["2026年第二季度", "2026年第一季度", "2025年第四季度"], runs.Select(r => r.PeriodName));
        Assert.All(runs, r => Assert.True(r.IsPublished));

        var older = (await queries.GetAsync(runs[2].RunId))!;
        Assert.Equal("2025年第四季度", older.PeriodName);
        Assert.Equal(["2025年第四季度"], older.Trend!.Periods); // the trend ends at the chosen period

        await using var office = app.ScopeAs("office", Roles.Office);
        var officeRuns = await office.ServiceProvider.GetRequiredService<DashboardQueries>().RunsAsync();
        var unpublished = Assert.Single(officeRuns, r => !r.IsPublished);
        Assert.Contains("未发布", unpublished.Label);

        // A leader asking for the unpublished run by id is refused, and the refusal is audited.
        await Assert.ThrowsAsync<AccessDeniedException>(() => queries.GetAsync(unpublished.RunId));
        var db = leader.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityKey == unpublished.RunId.ToString()));
    }

    [Fact]
    public async Task CityKpis_AverageTheComposites_AndCompareWithThePreviousPeriod()
    {
        await using var leader = app.ScopeAs("leader", Roles.Leader);
        var view = (await leader.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync())!;

        Assert.Equal(view.Scores!.Rows.Average(r => r.Composite), view.Kpis!.AverageComposite!.Value, precision: 9);
        Assert.Equal(3, view.Trend!.Periods.Count);
        Assert.Equal(view.Trend.CityAverage[1], view.Kpis.PreviousAverageComposite);
        Assert.Equal(12, view.Trend.Regions.Count);
    }

    [Fact]
    public async Task Ranking_ComesFromTheStoredRun_WithCompetitionRanksAndIntervals()
    {
        await using var scope = app.ScopeAs("leader", Roles.Leader);
        var scores = (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync())!.Scores!;

        Assert.Equal(12, scores.Rows.Count);
        Assert.Equal(8, scores.GroupNames.Count);
        Assert.Equal(scores.Rows.OrderByDescending(r => r.Composite).Select(r => r.Name), scores.Rows.Select(r => r.Name));
        Assert.Equal(1, scores.Rows[0].Rank);
        Assert.All(scores.Rows, r => Assert.InRange(r.Rank, r.Rank5, r.Rank95));
        Assert.Equal("石桥县", scores.Rows[^1].Name);
        // The city averages are stored with the run over every target; with 12 targets all are listed, so they can be checked here.
        for (var g = 0; g < scores.GroupNames.Count; g++)
            Assert.Equal(scores.Rows.Average(r => r.GroupScores[g]!.Value), scores.GroupAverages[g]!.Value, precision: 9);
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var stored = await db.TargetScores.Where(s => s.Rank == 1).Select(s => s.Composite).ToListAsync();
        Assert.Contains(scores.Rows[0].Composite, stored);
    }

    [Fact]
    public async Task Laggard_IsFlaggedAgainstTheWarningValue()
    {
        await using var scope = app.ScopeAs("leader", Roles.Leader);
        var view = (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync())!;
        var startUp = view.Indicators[0];

        var laggard = view.Regions.Single(r => r.RegionName == "石桥县").Values[0];
        Assert.Equal(ValueStanding.Warning, startUp.Classify(laggard));
    }

    [Fact]
    public async Task Administrator_IsRefusedAndTheRefusalIsAudited()
    {
        await using var scope = app.ScopeAs("admin", Roles.Admin);
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync());
        Assert.Contains("没有", ex.Message);

        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.UserName == "admin" && a.EntityKey == Policies.ViewDashboard));
    }

    [Fact]
    public async Task DepartmentRanking_StandsNextToTheRegions_FromTheSameQuartersDepartmentAssessment()
    {
        await using var leader = app.ScopeAs("leader", Roles.Leader);
        var view = (await leader.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync())!;

        // Leaders see 2026 Q2 for the regions (Q3 is unpublished), so the departments of 2026 Q2 too.
        var departments = view.DepartmentScores!;
        Assert.Equal("2026年第二季度·部门考核", departments.PeriodName);
        Assert.Equal(16, departments.Rows.Count);
        Assert.Equal(departments.Rows.OrderByDescending(r => r.Composite).Select(r => r.Name), departments.Rows.Select(r => r.Name));
        Assert.True(view.CanDrillDown);

        await using var office = app.ScopeAs("office", Roles.Office);
        var officeView = (await office.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync())!;
        Assert.Equal("2026年第三季度·部门考核", officeView.DepartmentScores!.PeriodName);
        Assert.All(officeView.DepartmentScores.Rows, r => Assert.NotNull(r.RankChange)); // Q3 is compared with Q2
    }

    [Fact]
    public async Task DepartmentUser_SeesItsOwnResult_ButNoDrillDownIntoOthers()
    {
        await using var scope = await app.ScopeAsAccountAsync("dept-tax");
        var view = (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync())!;

        var own = view.OwnDepartment!;
        Assert.Equal(("税务局", "2026年第三季度·部门考核", 16), (own.Row.Name, own.PeriodName, own.Of));
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var stored = await db.TargetScores.SingleAsync(s => s.RunId == own.RunId && s.TargetId == own.Row.TargetId);
        Assert.Equal((stored.Composite, stored.Rank), (own.Row.Composite, own.Row.Rank));
        Assert.False(view.CanDrillDown);
        Assert.True(view.Scores!.IsPublished); // the published rankings only
    }

    [Fact]
    public async Task Leader_HasNoOwnDepartmentCard()
    {
        await using var leader = app.ScopeAs("leader", Roles.Leader);
        var view = (await leader.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync())!;
        Assert.Null(view.OwnDepartment);
    }
}
