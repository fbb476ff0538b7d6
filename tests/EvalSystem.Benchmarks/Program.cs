using BenchmarkDotNet.Running;

// Peak working set of one 1,000,000-row case import, which BenchmarkDotNet does not report (docs/performance.md).
if (args is ["--case-import-memory"])
{
    await EvalSystem.Benchmarks.CaseImportMemory.RunAsync();
    return;
}

// Peak working set of one 指标明细 export (3,000 targets × 100 indicators).
if (args is ["--detail-memory"])
{
    EvalSystem.Benchmarks.DetailWorkbookMemory.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EvalSystem.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
