using BenchmarkDotNet.Attributes;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Benchmarks;

/// <summary>
/// Floor: the least any scorer must do, one weighted sum over the raw matrix of each period.
/// FullCompute: the engine on the same data (normalise with peer statistics, aggregate the tree, adjust, rank), with a rule mix
/// of 60 % goalposts, 20 % min–max, 10 % z-score, 5 % bands and 5 % lower-is-better target attainment.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ScoringModel _model = null!;
    private ScoringModel _goalposts = null!;
    private ScoringInput[] _inputs = null!;
    private double[] _weights = null!;
    private double[] _composites = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchmarkData.Model();
        _goalposts = BenchmarkData.GoalpostsModel();
        _inputs = BenchmarkData.Inputs(_model);
        _weights = BenchmarkData.FlatWeights(_model);
        _composites = new double[BenchmarkData.Targets];
    }

    [Benchmark(Baseline = true)]
    public double Floor()
    {
        double check = 0;
        var leaves = _weights.Length;
        foreach (var input in _inputs)
        {
            var x = input.Values;
            for (var t = 0; t < BenchmarkData.Targets; t++)
            {
                var row = t * leaves;
                double sum = 0;
                for (var l = 0; l < leaves; l++)
                    sum += _weights[l] * x[row + l];
                _composites[t] = sum;
            }

            check += _composites[0];
        }

        return check;
    }

    [Benchmark]
    public double FullCompute()
    {
        double check = 0;
        foreach (var input in _inputs)
            check += ScoringEngine.Compute(_model, input).Composites[0];
        return check;
    }

    /// <summary>As <see cref="FullCompute"/> with goalposts on every leaf: no peer statistics, no per-cell rules.</summary>
    [Benchmark]
    public double FullComputeGoalpostsOnly()
    {
        double check = 0;
        foreach (var input in _inputs)
            check += ScoringEngine.Compute(_goalposts, input).Composites[0];
        return check;
    }
}
