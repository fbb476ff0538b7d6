using BenchmarkDotNet.Running;

// Peak working set of one 1,000,000-row case import, which BenchmarkDotNet does not report (docs/performance.md).
if (args is ["--case-import-memory"])
{
    await EvalSystem.Benchmarks.CaseImportMemory.RunAsync();
    return;
}

// Server memory held by idle dashboard circuits, from N browser contexts (docs/performance.md).
if (args is ["--circuit-memory", var count])
{
    await EvalSystem.Benchmarks.CircuitMemory.RunAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EvalSystem.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
