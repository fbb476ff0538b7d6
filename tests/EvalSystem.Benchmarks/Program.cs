using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EvalSystem.Benchmarks;

/// <summary>
/// Runs the benchmarks (BenchmarkDotNet's switcher), or one of the measurements BenchmarkDotNet cannot make
/// (docs/performance.md). An explicit class rather than top-level statements: the app's own <c>Program</c> is referenced here.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        switch (args)
        {
            // Peak working set of one 1,000,000-row case import.
            case ["--case-import-memory"]:
                await CaseImportMemory.RunAsync();
                break;
            // Peak working set of one 指标明细 export (3,000 targets × 100 indicators).
            case ["--detail-memory"]:
                DetailWorkbookMemory.Run();
                break;
            // Where the dashboard's build time goes: each SQL command with its time.
            case ["--dashboard-profile"]:
                await RankingQueryBenchmarks.ProfileDashboardAsync();
                break;
            // Server memory held by idle dashboard circuits, from N browser contexts.
            case ["--circuit-memory", var count]:
                await CircuitMemory.RunAsync(int.Parse(count, CultureInfo.InvariantCulture));
                break;
            // In this process, with a setup allowed to take half an hour (the large city is generated in the global setup,
            // and BenchmarkDotNet's own in-process limit is five minutes).
            case [.., "--inProcessLong"]:
                var config = DefaultConfig.Instance.AddJob(Job.Default
                    .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
                    .AsMutator());
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args[..^1], config);
                break;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                break;
        }
    }
}
