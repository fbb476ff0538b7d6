using System.Diagnostics;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Perfolizer.Mathematics.OutlierDetection;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Data;
using EvalSystem.Domain.Measurements;
using EvalSystem.Web.Features.Dashboard;
using EvalSystem.Web.Features.Rankings;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Benchmarks;

/// <summary>
/// The 排名 page's server time on a large city in a SQLite file: 3,000 region targets (40 cities × 75 districts), a
/// 100-indicator system (10 first-level groups × 10 leaves) and 12 published monthly runs with every stored result —
/// 36,000 composites and 3,960,000 indicator scores. Each invocation is one request as the page makes it: a fresh
/// context, the access check, the visible run, the count, one page of 20 rows and their first-level scores.
/// <see cref="Dashboard"/> is the 驾驶舱's data for the same city: three headline indicators' values, the ranking with
/// first-level scores, the composite trend over the last 8 runs and the city figures.
/// One invocation per iteration and no outlier removed, so the P95 column is the 95th percentile of single requests. The run settings are job
/// mutators rather than a job of their own, so that <c>--inProcess</c> on the command line applies to them.
/// </summary>
[Config(typeof(Percentiles))]
[MemoryDiagnoser]
[RunOncePerIteration]
[Outliers(OutlierMode.DontRemove)]
[MinWarmupCount(5)]
[MaxWarmupCount(10)]
[MinIterationCount(40)]
[MaxIterationCount(60)]
public class RankingQueryBenchmarks
{
    private const int Cities = 40;
    private const int DistrictsPerCity = 75;
    private const int Groups = 10;
    private const int LeavesPerGroup = 10;
    private const int Periods = 12;

    private static readonly Lazy<LargeCity> City = new(LargeCity.Create);

    private ServiceProvider _services = null!;
    private string _firstGroup = "";
    private Guid _oneCity;

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95);
    }

    [GlobalSetup]
    public void Setup()
    {
        var city = City.Value;
        _firstGroup = city.FirstGroupCode;
        _oneCity = city.OneCityId;
        _services = Services(city.Options);
    }

    private static ServiceProvider Services(DbContextOptions<SqliteEvalDbContext> options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(Policies.Configure);
        services.AddSingleton<AuthenticationStateProvider>(new LeaderAuthentication());
        services.AddSingleton<IDbContextFactory<EvalDbContext>>(new Factory(options));
        services.AddScoped<AuditActor>();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AccessGuard>();
        services.AddRankings();
        services.Configure<DashboardOptions>(o => o.HeadlineIndicators = [.. LargeCity.Headlines]);
        services.AddMemoryCache();
        services.AddScoped<DashboardQueries>();
        return services.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    private async Task<RankingPage> PageAsync(RankingRequest request)
    {
        await using var scope = _services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<RankingQueries>().PageAsync(request);
        if (page.Items.Count == 0)
            throw new InvalidOperationException("The benchmark read an empty page.");
        return page;
    }

    /// <summary>Opening the page: the newest run, best first.</summary>
    [Benchmark(Baseline = true)]
    public Task<RankingPage> FirstPageByRank() => PageAsync(new RankingRequest());

    [Benchmark]
    public Task<RankingPage> LastPageByRank() => PageAsync(new RankingRequest(PageIndex: 149));

    [Benchmark]
    public Task<RankingPage> FirstPageByComposite() => PageAsync(new RankingRequest(SortBy: RankingSort.Composite, Descending: true));

    [Benchmark]
    public Task<RankingPage> FirstPageByName() => PageAsync(new RankingRequest(SortBy: RankingSort.Name));

    [Benchmark]
    public Task<RankingPage> FirstPageByRankChange() => PageAsync(new RankingRequest(SortBy: RankingSort.RankChange, Descending: true));

    /// <summary>The slowest sort: a first-level score, one primary-key seek per target.</summary>
    [Benchmark]
    public Task<RankingPage> FirstPageByFirstLevelScore() => PageAsync(new RankingRequest(SortBy: RankingSort.FirstLevel, SortIndicator: _firstGroup, Descending: true));

    [Benchmark]
    public Task<RankingPage> FirstPageOfOneCity() => PageAsync(new RankingRequest(ParentRegionId: _oneCity));

    /// <summary>The dashboard's data as the page loads it when it opens: the newest published run, its board already in memory.</summary>
    [Benchmark]
    public Task<DashboardView> Dashboard() => DashboardAsync();

    /// <summary>The first view of a run after a start or a publication: the board is built from the database.</summary>
    [Benchmark]
    public Task<DashboardView> DashboardFirstView() => DashboardAsync();

    [IterationSetup(Target = nameof(DashboardFirstView))]
    public void ForgetTheBoards() => ((MemoryCache)_services.GetRequiredService<IMemoryCache>()).Clear();

    private async Task<DashboardView> DashboardAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync();
        if (view?.Scores is not { Rows.Count: > 0 } || view.Trend is not { Periods.Count: 8 })
            throw new InvalidOperationException("The benchmark built an empty dashboard.");
        return view;
    }

    /// <summary>The period selector and filter choices the page reads once when it opens.</summary>
    [Benchmark]
    public async Task<RankingOptions> Options()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RankingQueries>().OptionsAsync(TargetKind.Region);
    }

    private sealed class LeaderAuthentication : AuthenticationStateProvider
    {
        private static readonly Task<AuthenticationState> State = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "leader"), new Claim(ClaimTypes.Name, "leader"), new Claim(ClaimTypes.Role, Roles.Leader)], "bench"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => State;
    }

    private sealed class Factory(DbContextOptions<SqliteEvalDbContext> options) : IDbContextFactory<EvalDbContext>
    {
        public EvalDbContext CreateDbContext() => new SqliteEvalDbContext(options);
    }

    /// <summary>
    /// <c>--dashboard-profile</c>: builds the dashboard a few times on the large city with every SQL command and its time
    /// written out, to see where the time goes (set <c>EVAL_BENCH_CITY</c> to keep the city between runs).
    /// </summary>
    public static async Task ProfileDashboardAsync()
    {
        var logged = new DbContextOptionsBuilder<SqliteEvalDbContext>(City.Value.Options)
            .LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted])
            .Options;
        await using var services = Services(logged);
        for (var i = 0; i < 4; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync();
            Console.WriteLine($"==== dashboard build {i + 1}: {clock.Elapsed.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>The generated database, built once per process and deleted when the process ends.</summary>
    private sealed class LargeCity
    {
        public required DbContextOptions<SqliteEvalDbContext> Options { get; init; }
        public required string FirstGroupCode { get; init; }
        public required Guid OneCityId { get; init; }

        /// <summary>The indicators the dashboard shows first; every target has a value for them in every period.</summary>
        public static readonly string[] Headlines = ["G0-0", "G1-0", "G2-0"];

        /// <summary>
        /// A city kept in <c>EVAL_BENCH_CITY</c> (a file path) when that is set: generated there once, then reused, so that a
        /// profiling session does not wait five minutes for it. Otherwise a temporary file deleted at exit.
        /// </summary>
        public static LargeCity Create()
        {
            if (Environment.GetEnvironmentVariable("EVAL_BENCH_CITY") is { Length: > 0 } kept)
            {
                var keptOptions = new DbContextOptionsBuilder<SqliteEvalDbContext>().UseSqlite($"Data Source={kept};Foreign Keys=True").Options;
                if (!File.Exists(kept))
                    return Generate(keptOptions);
                using var existing = new SqliteEvalDbContext(keptOptions);
                var migrating = Stopwatch.StartNew(); // a city kept from an earlier schema is brought up to date
                existing.Database.Migrate();
                Console.WriteLine($"// kept city migrated in {migrating.Elapsed.TotalSeconds:0.0} s");
                return new LargeCity { Options = keptOptions, FirstGroupCode = "G0", OneCityId = existing.Regions.Single(r => r.Code == "410100").Id };
            }
            var folder = Path.Combine(Path.GetTempPath(), "evalsystem-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A temp folder left behind is harmless.
                }
            };
            return Generate(new DbContextOptionsBuilder<SqliteEvalDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "ranking.db")};Foreign Keys=True")
                .Options);
        }

        private static LargeCity Generate(DbContextOptions<SqliteEvalDbContext> options)
        {
            var clock = Stopwatch.StartNew();
            using var db = new SqliteEvalDbContext(options);
            db.Database.Migrate();

            var now = DateTime.UtcNow;
            var targets = new List<EvaluationTarget>();
            Guid oneCity = default;
            for (var c = 0; c < Cities; c++)
            {
                var city = new Region($"{410000 + (c + 1) * 100}", $"市{c + 1:D2}", RegionLevel.City);
                db.Regions.Add(city);
                oneCity = c == 0 ? city.Id : oneCity;
                for (var d = 1; d <= DistrictsPerCity; d++)
                {
                    var district = new Region($"{city.Code[..4]}{d:D2}", $"{city.Name}区{d:D2}", RegionLevel.District, city);
                    db.Regions.Add(district);
                    targets.Add(EvaluationTarget.ForRegion(district));
                }
            }
            db.Targets.AddRange(targets);

            var system = new IndicatorSystem("基准体系（区县）", TargetKind.Region, now);
            for (var g = 0; g < Groups; g++)
            {
                var group = system.AddGroup($"G{g}", $"一级指标{g}", null, 100m / Groups);
                for (var l = 0; l < LeavesPerGroup; l++)
                    system.AddIndicator(group, $"G{g}-{l}", $"指标{g}-{l}", null, 100m / LeavesPerGroup,
                        new IndicatorDefinition("分", IndicatorDirection.HigherIsBetter, IndicatorSource.CaseData, null, RuleJson: """{"type":"goalpost","best":100,"worst":0}"""));
            }
            system.Publish(now);
            db.IndicatorSystems.Add(system);
            var by = new UserRef("bench", "bench");
            var runs = new List<ScoreRun>();
            var periods = new List<EvaluationPeriod>();
            for (var p = 0; p < Periods; p++)
            {
                var start = new DateOnly(2025, p + 1, 1);
                var period = new EvaluationPeriod($"2025年{p + 1}月", system, start, start.AddMonths(1).AddDays(-1));
                db.Periods.Add(period);
                periods.Add(period);
                var run = new ScoreRun(period.Id, system.Id, 1, new string('a', 64), new string('b', 64), [0], targets.Count, new SensitivitySettings(), by, now);
                run.Publish(by, now);
                runs.Add(run);
            }
            db.ScoreRuns.AddRange(runs);
            db.SaveChanges();

            WriteResults(db, runs, targets.Select(t => t.Id).ToArray(), system);
            var headlines = system.Nodes.Where(n => Headlines.Contains(n.Code)).Select(n => n.Id).ToList();
            var values = new Random(20261126);
            foreach (var period in periods)
            {
                db.IndicatorValues.AddRange(targets.SelectMany(t => headlines.Select(n =>
                    new IndicatorValue(period.Id, t.Id, n, Math.Round(values.NextDouble() * 100, 1), ValueOrigin.CaseData, now))));
                db.SaveChanges();
                db.ChangeTracker.Clear();
            }
            Console.WriteLine($"// RankingQueryBenchmarks: generated {targets.Count} targets × {system.Nodes.Count} nodes × {Periods} runs in {clock.Elapsed.TotalSeconds:0} s");
            return new LargeCity { Options = options, FirstGroupCode = "G0", OneCityId = oneCity };
        }

        /// <summary>Composites, ranks and every node's score for every run, written raw: setup is not what is measured.</summary>
        private static void WriteResults(SqliteEvalDbContext db, List<ScoreRun> runs, Guid[] targets, IndicatorSystem system)
        {
            var random = new Random(20260101);
            var quality = targets.Select(_ => random.NextDouble()).ToArray();
            var nodes = system.Nodes.Select(n => (Id: Text(n.Id), n.IsIndicator)).ToArray();
            var targetText = targets.Select(Text).ToArray();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            connection.Open();
            int[]? previousRank = null;
            foreach (var run in runs)
            {
                using var tx = connection.BeginTransaction();
                var composites = quality.Select(q => 40 + 50 * q + random.NextDouble() * 8).ToArray();
                var order = Enumerable.Range(0, targets.Length).OrderByDescending(t => composites[t]).ToArray();
                var rank = new int[targets.Length];
                for (var position = 0; position < order.Length; position++)
                    rank[order[position]] = position + 1;

                using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = tx;
                    insert.CommandText = """
                        INSERT INTO TargetScores (RunId, TargetId, Composite, Rank, CompositeChange, RankChange, AggregateScore, AdjustmentPoints, MedianRank, Rank5, Rank95)
                        VALUES ($r, $t, $c, $k, NULL, $change, $c, 0, $k, $best, $worst)
                        """;
                    var p = new[] { "$r", "$t", "$c", "$k", "$change", "$best", "$worst" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
                    insert.Prepare();
                    for (var t = 0; t < targets.Length; t++)
                    {
                        p[0].Value = Text(run.Id);
                        p[1].Value = targetText[t];
                        p[2].Value = composites[t];
                        p[3].Value = rank[t];
                        p[4].Value = previousRank is null ? DBNull.Value : previousRank[t] - rank[t];
                        p[5].Value = Math.Max(1, rank[t] - 40);
                        p[6].Value = Math.Min(targets.Length, rank[t] + 40);
                        insert.ExecuteNonQuery();
                    }
                }

                using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = tx;
                    insert.CommandText = """
                        INSERT INTO IndicatorScores (RunId, TargetId, IndicatorNodeId, IsLeaf, RawValue, Imputation, Score, EffectiveWeight, Contribution)
                        VALUES ($r, $t, $n, $l, $v, 0, $s, 0.01, $c)
                        """;
                    var p = new[] { "$r", "$t", "$n", "$l", "$v", "$s", "$c" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
                    insert.Prepare();
                    for (var t = 0; t < targets.Length; t++)
                    {
                        foreach (var (id, isLeaf) in nodes)
                        {
                            var score = Math.Clamp(composites[t] + random.NextDouble() * 20 - 10, 0, 100);
                            p[0].Value = Text(run.Id);
                            p[1].Value = targetText[t];
                            p[2].Value = id;
                            p[3].Value = isLeaf;
                            p[4].Value = isLeaf ? score : DBNull.Value;
                            p[5].Value = score;
                            p[6].Value = isLeaf ? score * 0.01 : DBNull.Value;
                            insert.ExecuteNonQuery();
                        }
                    }
                }
                using (var averages = connection.CreateCommand())
                {
                    // What the score store does after a run's results (ScoreRunStore.StoreNodeAveragesAsync).
                    averages.Transaction = tx;
                    averages.CommandText = """
                        INSERT INTO RunNodeAverages (RunId, IndicatorNodeId, Average, Scored)
                        SELECT RunId, IndicatorNodeId, AVG(Score), COUNT(Score) FROM IndicatorScores WHERE RunId = $r GROUP BY RunId, IndicatorNodeId
                        """;
                    averages.Parameters.AddWithValue("$r", Text(run.Id));
                    averages.ExecuteNonQuery();
                }
                tx.Commit();
                previousRank = rank;
            }
        }

        private static string Text(Guid id) => id.ToString().ToUpperInvariant();
    }
}
