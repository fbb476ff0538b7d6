using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Benchmarks;

/// <summary>
/// Recompute-and-store of one period of 3,000 department targets × 100 indicators (300,000 leaf results
/// plus 30,000 group results and 3,000 composites) on a SQLite file, next to the floor: a raw ADO.NET
/// prepared insert of the same 333,000 rows in one transaction.
/// Each iteration is one operation on a warm database; the rows it wrote are removed afterwards.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ScoreStoreBenchmarks
{
    private const int Targets = 3_000;
    private const int Groups = 10;
    private const int LeavesPerGroup = 10;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalsystem-bench", Guid.NewGuid().ToString("N"));
    private DbContextOptions<SqliteEvalDbContext> _options = null!;
    private ScoreRunner _runner = null!;
    private Guid _periodId;
    private Guid _systemId;
    private Guid[] _targetIds = null!;
    private Guid[] _nodeIds = null!;
    private bool[] _nodeIsLeaf = null!;
    private readonly List<Guid> _runs = [];

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        var connection = $"Data Source={Path.Combine(_folder, "bench.db")};Foreign Keys=True";
        _options = new DbContextOptionsBuilder<SqliteEvalDbContext>()
            .UseSqlite(connection)
            .AddInterceptors(new AuditInterceptor(new AuditActor(), TimeProvider.System))
            .Options;
        using var db = new SqliteEvalDbContext(_options);
        db.Database.Migrate();

        var now = DateTime.UtcNow;
        var random = new Random(42);
        var departments = Enumerable.Range(1, Targets).Select(i => new Department($"D{i:D5}", $"部门{i:D5}", DepartmentKind.Government)).ToList();
        var targets = departments.Select(EvaluationTarget.ForDepartment).ToList();
        var system = new IndicatorSystem("基准体系", TargetKind.Department, now);
        for (var g = 0; g < Groups; g++)
        {
            var group = system.AddGroup($"G{g}", $"一级指标{g}", null, 100m / Groups);
            for (var l = 0; l < LeavesPerGroup; l++)
                system.AddIndicator(group, $"G{g}-{l}", $"指标{g}-{l}", null, 100m / LeavesPerGroup,
                    new IndicatorDefinition("分", IndicatorDirection.HigherIsBetter, IndicatorSource.CaseData, null,
                        RuleJson: l % 5 == 0 ? """{"type":"minmax","winsorize":true,"maxWinsorized":2}""" : """{"type":"goalpost","best":100,"worst":0}"""));
        }
        system.Publish(now);
        var period = new EvaluationPeriod("基准周期", system, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30));
        period.OpenCollection(now.AddDays(1), now);
        period.CloseCollection();
        db.AddRange(departments);
        db.AddRange(targets);
        db.Add(system);
        db.Add(period);
        db.SaveChanges();

        _periodId = period.Id;
        _systemId = system.Id;
        _targetIds = targets.Select(t => t.Id).ToArray();
        var leaves = system.Indicators.ToList();
        _nodeIds = system.Nodes.Select(n => n.Id).ToArray();
        _nodeIsLeaf = system.Nodes.Select(n => n.IsIndicator).ToArray();

        // 300,000 raw values, written raw: setup is not what is measured.
        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        sqlite.Open();
        using var tx = sqlite.BeginTransaction();
        using var insert = sqlite.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO IndicatorValues (Id, PeriodId, TargetId, IndicatorNodeId, Value, Origin, RecordedAtUtc) VALUES ($id, $p, $t, $n, $v, 'CaseData', $at)";
        var p = new[] { "$id", "$p", "$t", "$n", "$v", "$at" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();
        foreach (var target in _targetIds)
        {
            foreach (var leaf in leaves)
            {
                p[0].Value = Text(Guid.CreateVersion7());
                p[1].Value = Text(_periodId);
                p[2].Value = Text(target);
                p[3].Value = Text(leaf.Id);
                p[4].Value = Math.Round(random.NextDouble() * 100, 2);
                p[5].Value = now;
                insert.ExecuteNonQuery();
            }
        }
        tx.Commit();
        _runner = new ScoreRunner(new Factory(_options), TimeProvider.System);
    }

    [Benchmark(Baseline = true)]
    public void RawAdoInsert()
    {
        using var db = new SqliteEvalDbContext(_options);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.Open();
        using var tx = connection.BeginTransaction();
        var runId = Guid.CreateVersion7();
        _runs.Add(runId);
        using (var run = connection.CreateCommand())
        {
            run.Transaction = tx;
            run.CommandText = """
                INSERT INTO ScoreRuns (Id, PeriodId, IndicatorSystemId, Number, MethodHash, InputHash, InputSnapshot, TargetCount, Draws, Perturbation, Seed, RunByUserId, RunByName, RunAtUtc, Status)
                VALUES ($id, $p, $s, (SELECT IFNULL(MAX(Number), 0) + 1 FROM ScoreRuns WHERE PeriodId = $p), 'x', 'x', x'00', 3000, 1, 0.25, 1, 'bench', 'bench', $at, 'Computed')
                """;
            run.Parameters.AddWithValue("$id", Text(runId));
            run.Parameters.AddWithValue("$p", Text(_periodId));
            run.Parameters.AddWithValue("$s", Text(_systemId));
            run.Parameters.AddWithValue("$at", DateTime.UtcNow);
            run.ExecuteNonQuery();
        }
        var runText = Text(runId);
        using (var targets = connection.CreateCommand())
        {
            targets.Transaction = tx;
            targets.CommandText = "INSERT INTO TargetScores (RunId, TargetId, Composite, Rank, CompositeChange, RankChange, AggregateScore, AdjustmentPoints, MedianRank, Rank5, Rank95) VALUES ($r, $t, $c, $k, NULL, NULL, $c, 0, $k, $k, $k)";
            var p = new[] { "$r", "$t", "$c", "$k" }.Select(n => targets.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            targets.Prepare();
            for (var t = 0; t < _targetIds.Length; t++)
            {
                p[0].Value = runText;
                p[1].Value = Text(_targetIds[t]);
                p[2].Value = 50.0 + t * 1e-3;
                p[3].Value = t + 1;
                targets.ExecuteNonQuery();
            }
        }
        using (var items = connection.CreateCommand())
        {
            items.Transaction = tx;
            items.CommandText = "INSERT INTO IndicatorScores (RunId, TargetId, IndicatorNodeId, IsLeaf, RawValue, Imputation, Score, EffectiveWeight, Contribution) VALUES ($r, $t, $n, $l, $v, 0, $s, 0.01, $c)";
            var p = new[] { "$r", "$t", "$n", "$l", "$v", "$s", "$c" }.Select(n => items.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            items.Prepare();
            foreach (var target in _targetIds)
            {
                var targetText = Text(target);
                for (var n = 0; n < _nodeIds.Length; n++)
                {
                    p[0].Value = runText;
                    p[1].Value = targetText;
                    p[2].Value = Text(_nodeIds[n]);
                    p[3].Value = _nodeIsLeaf[n];
                    p[4].Value = 42.0;
                    p[5].Value = 42.0;
                    p[6].Value = 0.42;
                    items.ExecuteNonQuery();
                }
            }
        }
        tx.Commit();
    }

    /// <summary>The production path: load the period's values, score, one Monte Carlo draw, store through ScoreRunStore.</summary>
    [Benchmark]
    public async Task RecomputeAndStore()
    {
        var run = await _runner.ComputeAsync(_periodId, new UserRef("bench", "bench"), null, CancellationToken.None, new SensitivitySettings(Draws: 1));
        _runs.Add(run.Id);
    }

    /// <summary>The same with the default sensitivity analysis (1,000 draws), as the office runs it.</summary>
    [Benchmark]
    public async Task RecomputeAndStoreWithSensitivity()
    {
        var run = await _runner.ComputeAsync(_periodId, new UserRef("bench", "bench"), null, CancellationToken.None);
        _runs.Add(run.Id);
    }

    [IterationCleanup]
    public void RemoveWrittenRuns()
    {
        using var db = new SqliteEvalDbContext(_options);
        foreach (var run in _runs)
        {
            var id = Text(run);
            db.Database.ExecuteSqlInterpolated($"DELETE FROM IndicatorScores WHERE RunId = {id}");
            db.Database.ExecuteSqlInterpolated($"DELETE FROM TargetScores WHERE RunId = {id}");
            db.Database.ExecuteSqlInterpolated($"DELETE FROM RunNodeAverages WHERE RunId = {id}");
            db.Database.ExecuteSqlInterpolated($"DELETE FROM ScoreRuns WHERE Id = {id}");
        }
        _runs.Clear();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private sealed class Factory(DbContextOptions<SqliteEvalDbContext> options) : IDbContextFactory<EvalDbContext>
    {
        public EvalDbContext CreateDbContext() => new SqliteEvalDbContext(options);
    }
}
