using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Scoring;
using EvalSystem.Domain.Supervision;

namespace EvalSystem.Domain.Tests.Model;

/// <summary>督办超期扣分 as a setting of an indicator system version.</summary>
public class OverduePenaltySettingTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static IndicatorSystem System()
    {
        var system = new IndicatorSystem("体系", TargetKind.Department, Now);
        var group = system.AddGroup("A", "工作", null, 100);
        system.AddIndicator(group, "A-1", "完成率", null, 100,
            new IndicatorDefinition("%", IndicatorDirection.HigherIsBetter, IndicatorSource.CaseData, null,
                RuleJson: """{"type":"goalpost","best":100,"worst":0}"""));
        return system;
    }

    [Fact]
    public void NewSystem_HasNoPenalty_AndNoAdjustmentInItsDefinition()
    {
        var system = System();
        Assert.Null(system.OverduePenaltyPerTask);
        Assert.Empty(system.ToScoringDefinition().Adjustments);
    }

    [Fact]
    public void SetOverduePenalty_PutsTheEnginesAdjustmentIntoTheDefinition()
    {
        var system = System();
        system.SetOverduePenalty(2, 10);
        Assert.Equal(SupervisionPenalty.Item(2, 10), system.ToScoringDefinition().Adjustments.Single());
        system.SetOverduePenalty(1.5, null);
        Assert.Equal(new Adjustment(SupervisionPenalty.AdjustmentCode, SupervisionPenalty.AdjustmentName, -1.5, null),
            system.ToScoringDefinition().Adjustments.Single());
    }

    [Fact]
    public void SetOverduePenalty_ChangesTheMethodHash()
    {
        var system = System();
        var without = ScoringModel.Build(system.ToScoringDefinition()).MethodHash;
        system.SetOverduePenalty(2, null);
        Assert.NotEqual(without, ScoringModel.Build(system.ToScoringDefinition()).MethodHash);
    }

    [Fact]
    public void ClearingThePenalty_RemovesTheAdjustment()
    {
        var system = System();
        system.SetOverduePenalty(2, 10);
        system.SetOverduePenalty(null, null);
        Assert.Null(system.OverduePenaltyCap);
        Assert.Empty(system.ToScoringDefinition().Adjustments);
    }

    [Theory]
    [InlineData(0.0, null, "大于0")]
    [InlineData(-1.0, null, "大于0")]
    [InlineData(101.0, null, "不超过100")]
    [InlineData(double.NaN, null, "大于0")]
    [InlineData(2.0, 0.0, "上限必须大于0")]
    [InlineData(2.0, 120.0, "不超过100")]
    [InlineData(5.0, 3.0, "不能小于每件扣分")]
    [InlineData(null, 10.0, "没有填写每个超期任务扣几分")]
    public void SetOverduePenalty_BadValues_AreRefusedAndNothingChanges(double? perTask, double? cap, string message)
    {
        var system = System();
        system.SetOverduePenalty(1, 4);
        var ex = Assert.Throws<DomainException>(() => system.SetOverduePenalty(perTask, cap));
        Assert.Contains(message, ex.Message);
        Assert.Equal((1.0, 4.0), (system.OverduePenaltyPerTask, system.OverduePenaltyCap));
    }

    [Fact]
    public void PublishedSystem_IsFrozen_AndTheNextDraftKeepsThePenalty()
    {
        var system = System();
        system.SetOverduePenalty(2, 6);
        system.Publish(Now);
        Assert.Throws<DomainException>(() => system.SetOverduePenalty(3, null));

        var draft = system.CreateNextDraft(Now);
        Assert.Equal((2.0, 6.0), (draft.OverduePenaltyPerTask, draft.OverduePenaltyCap));
        draft.SetOverduePenalty(3, null);
        Assert.Equal(2.0, system.OverduePenaltyPerTask);
    }

    [Fact]
    public void Diff_ReportsAPenaltyChangeInWords()
    {
        var before = System();
        before.Publish(Now);
        var after = before.CreateNextDraft(Now);
        after.SetOverduePenalty(2, 10);

        var change = Assert.Single(IndicatorSystemDiff.Compare(before, after));
        Assert.Equal(ChangeKind.MethodChanged, change.Kind);
        Assert.Equal(("不扣分", "每件扣2分，最多扣10分"), (change.Before, change.After));
    }

    [Theory]
    [InlineData(null, null, "不扣分")]
    [InlineData(2.0, null, "每件扣2分，不封顶")]
    [InlineData(0.5, 3.0, "每件扣0.5分，最多扣3分")]
    public void Describe_SaysThePenaltyInWords(double? perTask, double? cap, string expected) =>
        Assert.Equal(expected, SupervisionPenalty.Describe(perTask, cap));
}
