using System.Data.Common;
using Bunit;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Components.Pages.Rankings;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Rankings;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EvalSystem.Web.Tests.Components;

/// <summary>
/// The 排名 page with the real ranking service on a SQLite file of its own: two cities with four districts, 2026 Q1
/// published (中心区 first) and 2026 Q2 scored but unpublished (南区 first), and a published department ranking.
/// A command counter on the database counts the ranking's page reads (one COUNT per page).
/// </summary>
public sealed class RankingsPageTests : MudTestContext
{
    private Guid _firstQuarterRun;

    public RankingsPageTests() : base(services =>
    {
        services.AddSingleton(_ => new SqliteTestDatabase());
        services.AddSingleton<IDbContextFactory<EvalDbContext>>(sp => new Factory(sp.GetRequiredService<SqliteTestDatabase>(), sp.GetRequiredService<PageReadCounter>()));
        services.AddScoped(sp => sp.GetRequiredService<SqliteTestDatabase>().Actor);
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AccessGuard>();
        services.AddRankings();
        services.AddSingleton<PageReadCounter>();
    })
    {
    }

    private int PageReads => Services.GetRequiredService<PageReadCounter>().Count;

    private sealed class Factory(SqliteTestDatabase db, PageReadCounter counter) : IDbContextFactory<EvalDbContext>
    {
        public EvalDbContext CreateDbContext() => new SqliteEvalDbContext(new DbContextOptionsBuilder<SqliteEvalDbContext>()
            .UseSqlite($"Data Source={db.Path};Foreign Keys=True")
            .AddInterceptors(new AuditInterceptor(db.Actor, TimeProvider.System), counter)
            .Options);
    }

    /// <summary>Every ranking page read counts its rows once; the commands are kept to check what the database is asked.</summary>
    private sealed class PageReadCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public System.Collections.Concurrent.ConcurrentQueue<string> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal))
                Interlocked.Increment(ref _count);
            Commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    public override async Task InitializeAsync()
    {
        await using var db = Services.GetRequiredService<IDbContextFactory<EvalDbContext>>().CreateDbContext();
        var now = DateTime.UtcNow;
        var office = new UserRef("user-1", "office");
        var city = new Region("990100", "示范市", RegionLevel.City);
        var neighbour = new Region("980100", "邻市", RegionLevel.City);
        Region[] districts =
        [
            new("990101", "中心区", RegionLevel.District, city),
            new("990102", "东城区", RegionLevel.District, city),
            new("990123", "石桥县", RegionLevel.District, city),
            new("980101", "南区", RegionLevel.District, neighbour),
        ];
        db.Regions.AddRange([city, neighbour, .. districts]);
        var regionTargets = districts.Select(EvaluationTarget.ForRegion).ToList();
        db.Targets.AddRange(regionTargets);
        Department[] departments = [new("AMR", "市场监督管理局", DepartmentKind.Government), new("POWER", "示范供电公司", DepartmentKind.PublicUtility)];
        db.Departments.AddRange(departments);
        var departmentTargets = departments.Select(EvaluationTarget.ForDepartment).ToList();
        db.Targets.AddRange(departmentTargets);

        var regionSystem = System("区县评价", TargetKind.Region, now);
        var departmentSystem = System("部门评价", TargetKind.Department, now);
        db.IndicatorSystems.AddRange(regionSystem, departmentSystem);
        var q1 = new EvaluationPeriod("2026年第一季度", regionSystem, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        var q2 = new EvaluationPeriod("2026年第二季度", regionSystem, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));
        var departmentQ1 = new EvaluationPeriod("2026年第一季度（部门）", departmentSystem, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        db.Periods.AddRange(q1, q2, departmentQ1);

        var q1Run = Run(db, q1, regionSystem, office, now, publish: true, regionTargets.Select(t => t.Id).ToArray());
        Run(db, q2, regionSystem, office, now, publish: false, regionTargets.Select(t => t.Id).Reverse().ToArray());
        Run(db, departmentQ1, departmentSystem, office, now, publish: true, departmentTargets.Select(t => t.Id).ToArray());
        await db.SaveChangesAsync();
        foreach (var run in await db.ScoreRuns.Select(r => r.Id).ToListAsync())
            await ScoreRunStore.StoreNodeAveragesAsync(db, run, default); // as the score store does after the results
        _firstQuarterRun = q1Run.Id;
    }

    private static IndicatorSystem System(string name, TargetKind kind, DateTime now)
    {
        var system = new IndicatorSystem(name, kind, now);
        foreach (var (code, group) in new[] { ("KB", "开办企业"), ("ZW", "政务服务") })
        {
            var node = system.AddGroup(code, group, null, 50);
            system.AddIndicator(node, $"{code}-1", $"{group}指标", null, 100,
                new IndicatorDefinition("分", IndicatorDirection.HigherIsBetter, IndicatorSource.CaseData, null, RuleJson: """{"type":"goalpost","best":100,"worst":0}"""));
        }
        system.Publish(now);
        return system;
    }

    /// <summary>A run ranking <paramref name="targetsBestFirst"/> in that order, with first-level scores.</summary>
    private static ScoreRun Run(EvalDbContext db, EvaluationPeriod period, IndicatorSystem system, UserRef by, DateTime now, bool publish, Guid[] targetsBestFirst)
    {
        var run = new ScoreRun(period.Id, system.Id, 1, new string('a', 64), new string('b', 64), [0], targetsBestFirst.Length, new SensitivitySettings(), by, now);
        if (publish)
            run.Publish(by, now);
        db.ScoreRuns.Add(run);
        var groups = system.Nodes.Where(n => n.Level == 1).ToList();
        for (var i = 0; i < targetsBestFirst.Length; i++)
        {
            var composite = 90.0 - 10 * i;
            db.TargetScores.Add(new TargetScoreRecord(run.Id, targetsBestFirst[i], composite, i + 1, null, null, composite, 0, i + 1, i + 1, i + 1));
            foreach (var group in groups)
                db.IndicatorScores.Add(new IndicatorScoreRecord(run.Id, targetsBestFirst[i], group.Id, false, null, Imputation.None, composite, 0.5, null));
        }
        return run;
    }

    private async Task<IRenderedComponent<Microsoft.AspNetCore.Components.Authorization.CascadingAuthenticationState>> RenderPageAsync(string firstName)
    {
        var page = RenderSignedIn<RankingsPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal(firstName, page.FindAll("[data-testid=ranking-name]").FirstOrDefault()?.TextContent), TimeSpan.FromSeconds(10));
        return page;
    }

    private static string[] Names(IRenderedComponent<Microsoft.AspNetCore.Components.Authorization.CascadingAuthenticationState> page) =>
        page.FindAll("[data-testid=ranking-name]").Select(e => e.TextContent).ToArray();

    [Fact]
    public async Task Office_SeesTheUnpublishedQuarterMarked_AndSwitchingThePeriodReadsOnePage()
    {
        SignInAs("office", Roles.Office);
        var page = await RenderPageAsync("南区");
        Assert.Contains("未发布", page.Find("[data-testid=unpublished-run]").TextContent);
        Assert.Equal(1, PageReads);

        var periods = page.FindComponent<MudSelect<Guid>>();
        var q1 = await PeriodIdAsync("2026年第一季度");
        await page.InvokeAsync(() => periods.Instance.ValueChanged.InvokeAsync(q1));

        await page.WaitForAssertionAsync(() => Assert.Equal(["中心区", "东城区", "石桥县", "南区"], Names(page)));
        Assert.Equal(2, PageReads);
        Assert.Empty(page.FindAll("[data-testid=unpublished-run]"));
    }

    [Fact]
    public async Task Leader_SeesThePublishedQuarterOnly_WithItsExportLink()
    {
        SignInAs("leader", Roles.Leader);
        var page = await RenderPageAsync("中心区");

        Assert.Empty(page.FindAll("[data-testid=unpublished-run]"));
        Assert.Equal($"/files/rankings/{_firstQuarterRun}.xlsx?kind=Region", page.Find("a[data-testid=ranking-export]").GetAttribute("href"));
        Assert.Equal(1, PageReads);
        Assert.Contains("ranking-top", page.FindAll("tbody tr")[0].ClassName);
    }

    [Fact]
    public async Task FilteringByParentRegion_ReadsOnePage_AndTheExportFollows()
    {
        SignInAs("leader", Roles.Leader);
        var page = await RenderPageAsync("中心区");

        var filter = page.FindComponent<MudSelect<string>>();
        var key = await RegionIdAsync("邻市");
        await page.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync(key));

        await page.WaitForAssertionAsync(() => Assert.Equal(["南区"], Names(page)));
        Assert.Equal(2, PageReads);
        Assert.EndsWith($"&filter={key}", page.Find("a[data-testid=ranking-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task SwitchingToDepartments_ReadsOnePage_OfTheDepartmentRanking()
    {
        SignInAs("leader", Roles.Leader);
        var page = await RenderPageAsync("中心区");

        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("部门排名")).Click();

        await page.WaitForAssertionAsync(() => Assert.Equal(["市场监督管理局", "示范供电公司"], Names(page)));
        Assert.Equal(2, PageReads);
        Assert.Contains("kind=Department", page.Find("a[data-testid=ranking-export]").GetAttribute("href"));
        Assert.Contains("部门类型", page.Markup);
    }

    [Fact]
    public async Task DepartmentUser_NeverSeesTheUnpublishedQuarter()
    {
        SignInAs("dept-amr", Roles.Department);
        var page = await RenderPageAsync("中心区");

        Assert.Empty(page.FindAll("[data-testid=unpublished-run]"));
    }

    [Fact]
    public async Task APageRead_SortsAndPagesInTheDatabase()
    {
        SignInAs("leader", Roles.Leader);
        await RenderPageAsync("中心区");

        // The rows of the page come from one query that orders, skips and takes in SQL; nothing reads the whole ranking.
        var rows = Services.GetRequiredService<PageReadCounter>().Commands.Where(c => c.StartsWith("SELECT", StringComparison.Ordinal) && c.Contains("\"TargetScores\"", StringComparison.Ordinal)).ToList();
        Assert.Contains(rows, c => c.Contains("ORDER BY", StringComparison.Ordinal) && c.Contains("LIMIT", StringComparison.Ordinal));
        Assert.All(rows, c => Assert.True(c.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal) || c.Contains("LIMIT", StringComparison.Ordinal), c));
    }

    private async Task<Guid> PeriodIdAsync(string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EvalDbContext>>().CreateDbContextAsync();
        return await db.Periods.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    private async Task<string> RegionIdAsync(string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EvalDbContext>>().CreateDbContextAsync();
        return (await db.Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync()).ToString();
    }
}
