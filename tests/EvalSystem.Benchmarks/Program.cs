using BenchmarkDotNet.Running;

// Peak working set of one 1,000,000-row case import, which BenchmarkDotNet does not report (docs/performance.md).
if (args is ["--case-import-memory"])
{
    await EvalSystem.Benchmarks.CaseImportMemory.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EvalSystem.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
