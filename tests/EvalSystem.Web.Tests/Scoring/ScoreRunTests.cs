using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Scoring;

public sealed class ScoreRunComputeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static async Task<Guid> PeriodIdAsync(AsyncServiceScope scope, string name) =>
        await scope.ServiceProvider.GetRequiredService<EvalDbContext>().Periods.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();

    [Fact]
    public void SeededIndicatorSystems_AreValidScoringModels()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var systems = db.IndicatorSystems.Include(s => s.Nodes).ToList();

        Assert.Equal(2, systems.Count); // the region evaluation and the department assessment
        foreach (var system in systems)
        {
            var validation = ScoringModel.Validate(system.ToScoringDefinition());
            Assert.True(validation.IsValid, $"{system.Name}: {string.Join("; ", validation.Errors)}");
        }
    }

    [Fact]
    public async Task Office_ComputesAPeriod_AndTheRunIsStoredWithEveryResultAndAudited()
    {
        await using var scope = app.ScopeAs("office", Roles.Office);
        var periodId = await PeriodIdAsync(scope, "2026年第三季度");
        var steps = new List<ScoreRunProgress>();

        var run = await scope.ServiceProvider.GetRequiredService<ScoreRunService>().ComputeAsync(periodId, new SynchronousProgress(steps));

        Assert.True(run.Number >= 2, "the seed already computed run 1");
        Assert.Equal((12, ScoreRunStatus.Computed, "office"), (run.TargetCount, run.Status, run.RunByName));
        Assert.Equal(64, run.MethodHash.Length);
        Assert.Equal(100, steps[^1].Percent);
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(12, await db.TargetScores.CountAsync(s => s.RunId == run.Id));
        Assert.Equal(12 * (20 + 8), await db.IndicatorScores.CountAsync(s => s.RunId == run.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ScoreRun) && a.EntityKey == run.Id.ToString() && a.Action == AuditActions.Insert && a.UserName == "office"));
        Assert.Equal(PeriodStatus.Scored, (await db.Periods.SingleAsync(p => p.Id == periodId)).Status);
    }

    [Fact]
    public async Task StoredLeafScores_AddUpToTheComposite()
    {
        await using var scope = app.ScopeAs("office", Roles.Office);
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var run = await db.ScoreRuns.OrderBy(r => r.RunAtUtc).FirstAsync();
        var composites = await db.TargetScores.Where(s => s.RunId == run.Id).ToDictionaryAsync(s => s.TargetId, s => s.Composite);
        var contributions = (await db.IndicatorScores.Where(s => s.RunId == run.Id && s.IsLeaf).ToListAsync())
            .GroupBy(s => s.TargetId).ToDictionary(g => g.Key, g => g.Sum(s => s.Contribution ?? 0));

        Assert.All(composites, c => Assert.Equal(c.Value, contributions[c.Key], precision: 9));
    }

    [Fact]
    public async Task StoredRun_ReproducesBitForBit_EvenAfterAnInputWasCorrected()
    {
        await using var scope = app.ScopeAs("office", Roles.Office);
        var service = scope.ServiceProvider.GetRequiredService<ScoreRunService>();
        var run = await service.ComputeAsync(await PeriodIdAsync(scope, "2026年第三季度"));
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var periodId = run.PeriodId;
        // A later correction of the live values must not change what the stored run reproduces to.
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE IndicatorValues SET Value = Value * 2 WHERE PeriodId = {periodId.ToString().ToUpperInvariant()}");

        var report = await service.VerifyAsync(run.Id);

        Assert.True(report.Reproduced, report.FirstDifference);
        Assert.True(report.ValuesCompared > 12 * 28 * 4);
    }

    [Fact]
    public async Task TamperedStoredScore_IsDetectedByVerification()
    {
        await using var scope = app.ScopeAs("office", Roles.Office);
        var service = scope.ServiceProvider.GetRequiredService<ScoreRunService>();
        var run = await service.ComputeAsync(await PeriodIdAsync(scope, "2026年第三季度"));
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE TargetScores SET Composite = Composite + 0.000001 WHERE RunId = {run.Id.ToString().ToUpperInvariant()} AND Rank = 1");

        var report = await service.VerifyAsync(run.Id);

        Assert.False(report.Reproduced);
        Assert.Contains("综合得分", report.FirstDifference);
    }

    [Theory]
    [InlineData("leader", Roles.Leader)]
    [InlineData("auditor", Roles.Auditor)]
    [InlineData("dept-amr", Roles.Department)]
    public async Task OnlyTheOffice_MayCompute(string userName, string role)
    {
        await using var scope = app.ScopeAs(userName, role);
        var periodId = await PeriodIdAsync(scope, "2026年第三季度");
        var runsBefore = await scope.ServiceProvider.GetRequiredService<EvalDbContext>().ScoreRuns.CountAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<ScoreRunService>().ComputeAsync(periodId));
        Assert.Equal(runsBefore, await scope.ServiceProvider.GetRequiredService<EvalDbContext>().ScoreRuns.CountAsync());
    }

    [Fact]
    public async Task CollectingPeriod_CannotBeScored()
    {
        await using var scope = app.ScopeAs("office", Roles.Office);
        var ex = await Assert.ThrowsAsync<DomainException>(async () =>
            await scope.ServiceProvider.GetRequiredService<ScoreRunService>().ComputeAsync(await PeriodIdAsync(scope, "2026年第四季度")));
        Assert.Contains("填报中", ex.Message);
    }

    private sealed class SynchronousProgress(List<ScoreRunProgress> steps) : IProgress<ScoreRunProgress>
    {
        public void Report(ScoreRunProgress value)
        {
            lock (steps)
                steps.Add(value);
        }
    }

    [Fact]
    public async Task ComputedRun_StoresEveryNodesCityAverage_FromItsStoredScores()
    {
        await using var scope = app.ScopeAs("office", Roles.Office);
        var run = await scope.ServiceProvider.GetRequiredService<ScoreRunService>().ComputeAsync(await PeriodIdAsync(scope, "2026年第三季度"));
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();

        var stored = await db.RunNodeAverages.Where(a => a.RunId == run.Id).ToDictionaryAsync(a => a.IndicatorNodeId);
        var expected = (await db.IndicatorScores.Where(s => s.RunId == run.Id).ToListAsync()).GroupBy(s => s.IndicatorNodeId).ToList();

        Assert.Equal(20 + 8, stored.Count);
        Assert.All(expected, node =>
        {
            var scores = node.Select(s => s.Score).OfType<double>().ToList();
            Assert.Equal(scores.Count, stored[node.Key].Scored);
            Assert.Equal(scores.Average(), stored[node.Key].Average!.Value, precision: 9);
        });
    }

    [Fact]
    public async Task TheMigrationThatAddsNodeAverages_FillsThemForEarlierRuns_AsTheStoreDoes()
    {
        await using var scope = app.ScopeAs("office", Roles.Office);
        var live = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var folder = Directory.CreateTempSubdirectory("evalsystem-migration-");
        try
        {
            // A copy of the seeded database, taken back to the migration before the table and forward again.
            var copyPath = Path.Combine(folder.FullName, "copy.db");
            await using (var source = new SqliteConnection(live.Database.GetConnectionString()))
            await using (var target = new SqliteConnection($"Data Source={copyPath}"))
            {
                await source.OpenAsync();
                source.BackupDatabase(target);
            }
            var options = new DbContextOptionsBuilder<SqliteEvalDbContext>().UseSqlite($"Data Source={copyPath};Pooling=False").Options;
            await using var copy = new SqliteEvalDbContext(options);
            var migrations = copy.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_RunNodeAverages", StringComparison.Ordinal)) - 1];
            var expected = await copy.RunNodeAverages.AsNoTracking().OrderBy(a => a.RunId).ThenBy(a => a.IndicatorNodeId)
                .Select(a => new { a.RunId, a.IndicatorNodeId, a.Average, a.Scored }).ToListAsync();
            Assert.NotEmpty(expected);

            var migrator = copy.GetService<IMigrator>();
            await migrator.MigrateAsync(before);
            await migrator.MigrateAsync();

            var filled = await copy.RunNodeAverages.AsNoTracking().OrderBy(a => a.RunId).ThenBy(a => a.IndicatorNodeId)
                .Select(a => new { a.RunId, a.IndicatorNodeId, a.Average, a.Scored }).ToListAsync();
            Assert.Equal(expected.Count, filled.Count);
            Assert.All(expected.Zip(filled), pair =>
            {
                Assert.Equal((pair.First.RunId, pair.First.IndicatorNodeId, pair.First.Scored), (pair.Second.RunId, pair.Second.IndicatorNodeId, pair.Second.Scored));
                Assert.Equal(pair.First.Average!.Value, pair.Second.Average!.Value, precision: 9);
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}

public sealed class ScoreRunPublishTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task PublishingTheLatestRun_PublishesThePeriod_AndLeadersSeeIt()
    {
        await using var office = app.ScopeAs("office", Roles.Office);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var period = await db.Periods.SingleAsync(p => p.Name == "2026年第三季度");
        var service = office.ServiceProvider.GetRequiredService<ScoreRunService>();
        var second = await service.ComputeAsync(period.Id);

        var first = await db.ScoreRuns.SingleAsync(r => r.PeriodId == period.Id && r.Number == 1);
        var stale = await Assert.ThrowsAsync<DomainException>(() => service.PublishAsync(first.Id));
        Assert.Contains("不是最新结果", stale.Message);

        await service.PublishAsync(second.Id);

        await using var check = app.ScopeAs("leader", Roles.Leader);
        var checkDb = check.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(PeriodStatus.Published, (await checkDb.Periods.SingleAsync(p => p.Id == period.Id)).Status);
        Assert.Equal(ScoreRunStatus.Published, (await checkDb.ScoreRuns.SingleAsync(r => r.Id == second.Id)).Status);
        var dashboard = await check.ServiceProvider.GetRequiredService<EvalSystem.Web.Features.Dashboard.DashboardQueries>().GetAsync();
        Assert.Equal(("2026年第三季度", 2), (dashboard!.PeriodName, dashboard.Scores!.RunNumber));

        var again = await Assert.ThrowsAsync<DomainException>(() => service.ComputeAsync(period.Id));
        Assert.Contains("已发布", again.Message);
    }
}
