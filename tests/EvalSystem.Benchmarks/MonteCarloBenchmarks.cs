using BenchmarkDotNet.Attributes;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Benchmarks;

/// <summary>1,000 weight draws at 3,000 targets × 100 indicators, reusing one period's indicator scores.</summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private ScoringResult _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = BenchmarkData.Model();
        _baseline = ScoringEngine.Compute(model, BenchmarkData.Inputs(model)[0]);
    }

    [Benchmark]
    public double Draws1000() => SensitivityAnalysis.Run(_baseline, draws: 1000).Targets[0].MedianRank;
}
