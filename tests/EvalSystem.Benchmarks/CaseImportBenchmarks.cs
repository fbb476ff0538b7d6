using System.Diagnostics;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.CaseFiles;
using EvalSystem.Web.Data;
using EvalSystem.Web.Data.Configurations;
using EvalSystem.Web.Data.Seed;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EvalSystem.Benchmarks;

/// <summary>
/// 办件数据 import of 1,000,000 generated cases from a CSV file into SQLite through the real path — the office's
/// <see cref="CaseImportService.ImportCasesAsync(Stream, string, bool, CancellationToken)"/> with its authorization check,
/// CaseFileReader, validation, CaseRecordWriter's prepared insert-or-update in one transaction, the DataImport record and the
/// (here empty) measure refresh — next to the floor: a raw ADO.NET prepared INSERT of the same rows, parsed beforehand,
/// into the same table in one transaction. Every iteration starts from a fresh copy of a migrated database that holds only
/// the demo city's regions, departments and the official working-day calendar.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class CaseImportBenchmarks
{
    private readonly CaseImportBench _bench = new();
    private CaseRow[] _rows = [];
    private CaseImportService _imports = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bench.Prepare();
        _rows = _bench.ParseRows();
    }

    [IterationSetup]
    public void FreshDatabase() => _imports = _bench.FreshDatabase();

    [Benchmark(Baseline = true)]
    public void RawAdoInsert()
    {
        using var connection = new SqliteConnection(_bench.ConnectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO ServiceCases (Id, CaseNumber, ItemCode, ItemName, DepartmentId, RegionCode, Channel, ReceivedAt, CompletedAt, PromisedWorkingDays, Status, IsBusinessStartup, StartupStages)
            VALUES ($id, $number, $itemCode, $itemName, $department, $region, $channel, $received, $completed, $promised, $status, $startup, $stages)
            """;
        var p = new[] { "$id", "$number", "$itemCode", "$itemName", "$department", "$region", "$channel", "$received", "$completed", "$promised", "$status", "$startup", "$stages" }
            .Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();
        foreach (var row in _rows)
        {
            p[0].Value = row.Id;
            p[1].Value = row.CaseNumber;
            p[2].Value = row.ItemCode;
            p[3].Value = row.ItemName;
            p[4].Value = row.DepartmentId;
            p[5].Value = row.RegionCode;
            p[6].Value = row.Channel;
            p[7].Value = row.ReceivedAt;
            p[8].Value = row.CompletedAt is { } done ? done : DBNull.Value;
            p[9].Value = row.PromisedWorkingDays;
            p[10].Value = row.Status;
            p[11].Value = row.IsBusinessStartup;
            p[12].Value = row.StartupStages;
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    [Benchmark]
    public async Task ImportCsv()
    {
        await using var file = File.OpenRead(_bench.CsvPath);
        var outcome = await _imports.ImportCasesAsync(file, "办件数据.csv", dryRun: false);
        CaseImportBench.Check(outcome);
    }

    [IterationCleanup]
    public void DropDatabase() => _bench.DropDatabase();

    [GlobalCleanup]
    public void Cleanup() => _bench.Dispose();
}

/// <summary>
/// 计算指标 for one quarter holding 1,000,000 cases: <see cref="CaseMeasureService.RefreshAsync"/> (the office's button) on a
/// region indicator system with one case-data indicator bound to 平均审批时间, 12 district targets as in the demo city.
/// The cases are the generated file's, imported once through the import path with every case moved into 2025 Q4
/// (whole quarters forward, receipt and completion alike), so that the period covers all of them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CaseImportMeasuresBenchmarks
{
    private readonly CaseImportBench _bench = new();
    private CaseMeasureService _measures = null!;
    private Guid _periodId;

    [GlobalSetup]
    public void Setup()
    {
        _bench.Prepare();
        _bench.FreshDatabase();
        (_measures, _periodId) = _bench.ImportOneQuarterAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> RefreshMeasures()
    {
        var refresh = await _measures.RefreshAsync(_periodId);
        if (refresh.Values.Count == 0 || refresh.Values.Any(v => v.Value is null || v.Basis == 0))
            throw new InvalidOperationException("Every district should have a computed value.");
        return refresh.Written;
    }

    [GlobalCleanup]
    public void Cleanup() => _bench.Dispose();
}

/// <summary>One generated case, every column as CaseRecordWriter stores it on SQLite (parsed and converted beforehand).</summary>
internal sealed record CaseRow(string Id, string CaseNumber, string ItemCode, string ItemName, string DepartmentId, string RegionCode,
    string Channel, DateTime ReceivedAt, DateTime? CompletedAt, int PromisedWorkingDays, string Status, bool IsBusinessStartup, string StartupStages);

/// <summary>What the case-import benchmarks and the peak-working-set run share: the file, the databases, the services.</summary>
internal sealed class CaseImportBench : IDisposable
{
    public const int Rows = 1_000_000;
    private const int Seed = 20260601;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalsystem-bench", Guid.NewGuid().ToString("N"));
    private string _template = "";
    private string _database = "";
    private int _iteration;
    private Dictionary<string, Guid> _departments = [];

    public string CsvPath => Path.Combine(_folder, "cases.csv");

    public string ConnectionString { get; private set; } = "";

    /// <summary>Writes the CSV and a migrated template database with the demo city's regions and departments.</summary>
    public void Prepare()
    {
        Directory.CreateDirectory(_folder);
        using (var file = File.Create(CsvPath))
            CaseFileGenerator.WriteCsv(file, Rows, Seed, DemoCatalog.Departments.Select(d => d.Code).ToList(), DemoCatalog.Districts.Select(d => d.Code).ToList());

        _template = Path.Combine(_folder, "template.db");
        using var db = new SqliteEvalDbContext(Options(Connection(_template)));
        db.Database.Migrate();
        var city = new Region(DemoCatalog.CityCode, DemoCatalog.CityName, RegionLevel.City);
        db.Regions.Add(city);
        foreach (var (code, name, level) in DemoCatalog.Districts)
        {
            var region = new Region(code, name, level, city);
            db.Regions.Add(region);
            db.Targets.Add(EvaluationTarget.ForRegion(region));
        }
        foreach (var (code, name, kind) in DemoCatalog.Departments)
        {
            var department = new Department(code, name, kind);
            db.Departments.Add(department);
            db.Targets.Add(EvaluationTarget.ForDepartment(department));
        }
        db.SaveChanges();
        WorkingCalendarService.EnsureOfficialYearsAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        _departments = db.Departments.AsNoTracking().ToDictionary(d => d.Code, d => d.Id);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The file's rows, read once and converted to the stored column values (for the raw baseline).</summary>
    public CaseRow[] ParseRows()
    {
        using var file = File.OpenRead(CsvPath);
        var rows = new List<CaseRow>(Rows);
        foreach (var parsed in CaseFileReader.Read(file, "cases.csv"))
        {
            var c = parsed.Row ?? throw new InvalidOperationException(parsed.ToString());
            rows.Add(new CaseRow(Text(Guid.CreateVersion7()), c.CaseNumber, c.ItemCode, c.ItemName, Text(_departments[c.DepartmentCode]), c.RegionCode,
                c.Channel.ToString(), c.ReceivedAt, c.CompletedAt, c.PromisedWorkingDays, c.Status.ToString(), c.IsBusinessStartup,
                JsonColumn.Write(c.StartupStages.ToList())));
        }
        return [.. rows];
    }

    /// <summary>A fresh copy of the template under a new name (no pooled connection can reach an old file).</summary>
    public CaseImportService FreshDatabase()
    {
        _database = Path.Combine(_folder, $"run-{++_iteration}.db");
        File.Copy(_template, _database);
        ConnectionString = Connection(_database);
        var factory = new Factory(Options(ConnectionString));
        var access = Office(factory);
        var measures = new CaseMeasureService(factory, access, TimeProvider.System);
        return new CaseImportService(factory, access, TimeProvider.System, measures, Microsoft.Extensions.Options.Options.Create(new CaseDataOptions()));
    }

    public void DropDatabase()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    /// <summary>
    /// Imports the file once with every case moved forward by whole quarters into 2025 Q4 (Q1 +273 days, Q2 +183, Q3 +92,
    /// by completion or, when open, receipt), through the import's own path; then adds the indicator system and the period.
    /// </summary>
    public async Task<(CaseMeasureService Measures, Guid PeriodId)> ImportOneQuarterAsync()
    {
        var factory = new Factory(Options(ConnectionString));
        var access = Office(factory);
        var measures = new CaseMeasureService(factory, access, TimeProvider.System);
        var imports = new CaseImportService(factory, access, TimeProvider.System, measures, Microsoft.Extensions.Options.Options.Create(new CaseDataOptions()));
        await using (var file = File.OpenRead(CsvPath))
        {
            var rows = CaseFileReader.Read(file, "cases.csv").Select(p => ParsedRow<CaseFileRow>.Valid(p.SourceRow, IntoLastQuarter(p.Row!)));
            Check(await imports.ImportCasesAsync(rows, "bench", new("bench", "bench"), dryRun: false, CancellationToken.None));
        }

        await using var db = factory.CreateDbContext();
        var now = DateTime.UtcNow;
        var system = new IndicatorSystem("基准体系（区县）", TargetKind.Region, now);
        var group = system.AddGroup("ZW", "政务服务", null, 100);
        system.AddIndicator(group, "ZW-2", "平均审批时间", null, 100, new IndicatorDefinition("工作日", IndicatorDirection.LowerIsBetter,
            IndicatorSource.CaseData, _departments["GSA"], RuleJson: """{"type":"goalpost","best":1,"worst":20}""", Measure: CaseMeasureKind.AverageApprovalDays));
        system.Publish(now);
        var period = new EvaluationPeriod("2025年第四季度", system, new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31));
        period.OpenCollection(now.AddDays(30), now);
        db.Add(system);
        db.Add(period);
        await db.SaveChangesAsync();
        // In-progress and withdrawn cases have no completion date and belong to no period.
        var from = new DateTime(2025, 10, 1);
        var until = new DateTime(2026, 1, 1);
        var inPeriod = await db.ServiceCases.CountAsync(c => c.CompletedAt >= from && c.CompletedAt < until);
        var completed = await db.ServiceCases.CountAsync(c => c.CompletedAt >= from && c.CompletedAt < until && c.Status == CaseStatus.Completed);
        Console.WriteLine($"// Cases stored: {await db.ServiceCases.CountAsync():N0}; completed or rejected within {period.Name}: {inPeriod:N0}, of which completed: {completed:N0}");
        return (measures, period.Id);
    }

    private static CaseFileRow IntoLastQuarter(CaseFileRow row)
    {
        var days = (((row.CompletedAt ?? row.ReceivedAt).Month - 1) / 3) switch
        {
            0 => 273,
            1 => 183,
            2 => 92,
            _ => 0,
        };
        return row with
        {
            ReceivedAt = row.ReceivedAt.AddDays(days),
            CompletedAt = row.CompletedAt?.AddDays(days),
            StartupStages = [.. row.StartupStages.Select(s => s with { StartedAt = s.StartedAt.AddDays(days), CompletedAt = s.CompletedAt?.AddDays(days) })],
        };
    }

    public static void Check(ImportOutcome outcome)
    {
        if (!outcome.Succeeded || outcome.Inserted != Rows)
            throw new InvalidOperationException($"Import refused or incomplete: {outcome.Inserted} inserted, {outcome.ErrorCount} errors, first: {outcome.Errors.FirstOrDefault()?.Message}");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static string Connection(string path) => $"Data Source={path};Foreign Keys=True";

    // As the app registers it (DataRegistration): SQLite plus the audit interceptor.
    private static DbContextOptions<SqliteEvalDbContext> Options(string connection) =>
        new DbContextOptionsBuilder<SqliteEvalDbContext>()
            .UseSqlite(connection)
            .AddInterceptors(new AuditInterceptor(new AuditActor(), TimeProvider.System))
            .Options;

    /// <summary>The guard the app uses, with the application's policies, for a signed-in 评估办 user.</summary>
    private static AccessGuard Office(IDbContextFactory<EvalDbContext> factory)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization(Policies.Configure).BuildServiceProvider();
        return new AccessGuard(new SignedIn(), services.GetRequiredService<IAuthorizationService>(), factory, new AuditActor(),
            new HttpContextAccessor(), TimeProvider.System);
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private sealed class SignedIn : AuthenticationStateProvider
    {
        private static readonly ClaimsPrincipal User = new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Name, "office"), new Claim(ClaimTypes.Role, Roles.Office)], "bench"));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }

    private sealed class Factory(DbContextOptions<SqliteEvalDbContext> options) : IDbContextFactory<EvalDbContext>
    {
        public EvalDbContext CreateDbContext() => new SqliteEvalDbContext(options);
    }
}

/// <summary>
/// <c>dotnet run -c Release -- --case-import-memory</c>: one import of the 1,000,000-row file in this process, reporting the
/// peak working set (VmHWM on Linux). BenchmarkDotNet does not measure it. The peak is reset after the setup (file
/// generation, template database) where the OS allows it, so that it is the import's alone.
/// </summary>
internal static class CaseImportMemory
{
    public static async Task RunAsync()
    {
        using var bench = new CaseImportBench();
        bench.Prepare();
        var imports = bench.FreshDatabase();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var setupPeak = process.PeakWorkingSet64;
        var reset = ResetPeak();
        process.Refresh();
        var before = process.WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();

        await using (var file = File.OpenRead(bench.CsvPath))
            CaseImportBench.Check(await imports.ImportCasesAsync(file, "办件数据.csv", dryRun: false));

        watch.Stop();
        process.Refresh();
        Console.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, latency mode {System.Runtime.GCSettings.LatencyMode}");
        Console.WriteLine($"Setup peak working set (generator, migration): {Mb(setupPeak)}");
        Console.WriteLine($"Peak reset after setup: {(reset ? "yes" : "no (the peak below includes the setup)")}");
        Console.WriteLine($"Working set before import: {Mb(before)}");
        Console.WriteLine($"Import of {CaseImportBench.Rows:N0} rows: {watch.Elapsed.TotalSeconds:F1} s, {CaseImportBench.Rows / watch.Elapsed.TotalSeconds:N0} rows/s");
        Console.WriteLine($"Allocated during import: {Mb(GC.GetTotalAllocatedBytes(precise: true) - allocated)}");
        Console.WriteLine($"Peak working set: {Mb(process.PeakWorkingSet64)}");
        Console.WriteLine($"Working set after import: {Mb(process.WorkingSet64)}");
        bench.DropDatabase();
    }

    // Linux: writing 5 to /proc/self/clear_refs resets VmHWM (the peak resident set) to the current resident set.
    internal static bool ResetPeak()
    {
        try
        {
            if (!OperatingSystem.IsLinux())
                return false;
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
}
