using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(EvalSystem.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
