using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Scoring;

public class ScoringHashesTests
{
    private static ScoringModelDefinition Definition(double weight = 60, double worst = 20) => new(
    [
        new ScoringNode("KB", "开办企业", weight, [new ScoringLeaf("KB-2", "开办企业时间", 100, IndicatorDirection.LowerIsBetter, new GoalpostRule(0.5, worst))]),
        new ScoringNode("ZW", "政务服务", 100 - weight, [new ScoringLeaf("ZW-1", "网上可办率", 100, IndicatorDirection.HigherIsBetter, new TargetRule(100))]),
    ]);

    private static ScoringInput Input(double kb2 = 3) => new(["110101", "110102"], ["KB-2", "ZW-1"], [kb2, 90, 5, 80]);

    [Fact]
    public void MethodHash_SameDefinition_SameHash()
    {
        var hash = ScoringModel.Build(Definition()).MethodHash;
        Assert.Equal(hash, ScoringModel.Build(Definition()).MethodHash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void MethodHash_ChangedWeightRuleOrPolicy_ChangesTheHash()
    {
        var hash = ScoringHashes.ComputeMethodHash(Definition());
        Assert.NotEqual(hash, ScoringHashes.ComputeMethodHash(Definition(weight: 55)));
        Assert.NotEqual(hash, ScoringHashes.ComputeMethodHash(Definition(worst: 21)));
        Assert.NotEqual(hash, ScoringHashes.ComputeMethodHash(Definition() with { MissingData = MissingDataPolicy.CarryForward }));
        Assert.NotEqual(hash, ScoringHashes.ComputeMethodHash(Definition() with { Adjustments = [new Adjustment("DB", "督办超期", -2)] }));
    }

    [Fact]
    public void CanonicalMethodJson_IsReadableAndCarriesTheRuleContract()
    {
        var json = ScoringHashes.CanonicalMethodJson(Definition());
        Assert.StartsWith("""{"version":"EvalSystem.Scoring.Method/1","aggregation":"WeightedArithmetic","missingData":"Zero","tieTolerance":"1E-09",""", json);
        Assert.Contains("""{"code":"KB-2","name":"开办企业时间","weight":"100","direction":"LowerIsBetter","formula":null,"rule":{"type":"goalpost","best":0.5,"worst":20}}""", json);
    }

    [Fact]
    public void InputHash_SameInput_SameHash()
        => Assert.Equal(ScoringHashes.ComputeInputHash(Input()), ScoringHashes.ComputeInputHash(Input()));

    [Fact]
    public void InputHash_AnyChangedValue_ChangesTheHash()
    {
        var hash = ScoringHashes.ComputeInputHash(Input());
        Assert.NotEqual(hash, ScoringHashes.ComputeInputHash(Input(kb2: 3.0000000000000004)));
        Assert.NotEqual(hash, ScoringHashes.ComputeInputHash(Input(kb2: double.NaN)));
        Assert.NotEqual(hash, ScoringHashes.ComputeInputHash(Input() with { TargetKeys = ["110101", "110105"] }));
        Assert.NotEqual(hash, ScoringHashes.ComputeInputHash(Input() with { PreviousValues = [1, 2, 3, 4] }));
    }

    [Fact]
    public void InputHash_AllNaNPayloadsAreOneMissingValue()
    {
        var otherNaN = BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001UL));
        Assert.Equal(ScoringHashes.ComputeInputHash(Input(kb2: double.NaN)), ScoringHashes.ComputeInputHash(Input(kb2: otherNaN)));
    }

    [Fact]
    public void InputHash_NegativeZeroDiffersFromZero()
        => Assert.NotEqual(ScoringHashes.ComputeInputHash(Input(kb2: 0.0)), ScoringHashes.ComputeInputHash(Input(kb2: -0.0)));
}
