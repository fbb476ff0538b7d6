using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Model;

public class IndicatorEditingTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static IndicatorDefinition Rule(string json = """{"type":"goalpost","best":0,"worst":10}""") =>
        new("天", IndicatorDirection.LowerIsBetter, IndicatorSource.CaseData, null, RuleJson: json);

    private static IndicatorSystem TwoGroups()
    {
        var system = new IndicatorSystem("体系", TargetKind.Region, Now);
        var a = system.AddGroup("A", "甲", null, 50);
        var b = system.AddGroup("B", "乙", null, 50);
        system.AddIndicator(a, "A-1", "甲一", null, 50, Rule());
        system.AddIndicator(a, "A-2", "甲二", null, 50, Rule());
        system.AddIndicator(b, "B-1", "乙一", null, 100, Rule());
        return system;
    }

    [Fact]
    public void MoveWithinSiblings_SwapsTheOrder()
    {
        var system = TwoGroups();
        system.MoveWithinSiblings(system.Nodes.Single(n => n.Code == "A-2"), -1);
        Assert.Equal(["A-2", "A-1"], system.ChildrenOf(system.Nodes.Single(n => n.Code == "A")).Select(n => n.Code));
    }

    [Fact]
    public void MoveUnder_AnotherGroup_ChangesTheParentAndKeepsTheLevel()
    {
        var system = TwoGroups();
        var a1 = system.Nodes.Single(n => n.Code == "A-1");
        system.MoveUnder(a1, system.Nodes.Single(n => n.Code == "B"));
        Assert.Equal(["B-1", "A-1"], system.ChildrenOf(system.Nodes.Single(n => n.Code == "B")).Select(n => n.Code));
        Assert.Equal(2, a1.Level);
    }

    [Fact]
    public void MoveUnder_ItsOwnDescendant_IsRefused()
    {
        var system = new IndicatorSystem("体系", TargetKind.Region, Now);
        var a = system.AddGroup("A", "甲", null, 100);
        var inner = system.AddGroup("A.1", "甲子", null, 100, a);
        var ex = Assert.Throws<DomainException>(() => system.MoveUnder(a, inner));
        Assert.Contains("自己的下级", ex.Message);
    }

    [Fact]
    public void MoveUnder_AnIndicator_IsRefused()
    {
        var system = TwoGroups();
        Assert.Throws<DomainException>(() => system.MoveUnder(system.Nodes.Single(n => n.Code == "A-1"), system.Nodes.Single(n => n.Code == "B-1")));
    }

    [Fact]
    public void Diff_ReportsAddedRemovedReweightedAndChangedRules()
    {
        var v1 = TwoGroups();
        v1.Publish(Now);
        var v2 = v1.CreateNextDraft(Now);
        v2.Remove(v2.Nodes.Single(n => n.Code == "A-2"));
        v2.Reweight(v2.Nodes.Single(n => n.Code == "A-1"), 100);
        var b1 = v2.Nodes.Single(n => n.Code == "B-1");
        v2.Update(b1, "乙一", null, 60, Rule("""{"type":"goalpost","best":0,"worst":20}"""));
        v2.AddIndicator(v2.Nodes.Single(n => n.Code == "B"), "B-2", "乙二", null, 40, Rule());

        var changes = IndicatorSystemDiff.Compare(v1, v2).Select(c => (c.Kind, c.Code)).ToList();

        Assert.Equal(
            [(ChangeKind.WeightChanged, "A-1"), (ChangeKind.WeightChanged, "B-1"), (ChangeKind.RuleChanged, "B-1"), (ChangeKind.Added, "B-2"), (ChangeKind.Removed, "A-2")],
            changes);
    }

    [Fact]
    public void Diff_IgnoresWhiteSpaceAndPropertyOrderInRules()
    {
        var v1 = TwoGroups();
        v1.Publish(Now);
        var v2 = v1.CreateNextDraft(Now);
        var b1 = v2.Nodes.Single(n => n.Code == "B-1");
        v2.Update(b1, "乙一", null, 100, Rule("""{ "worst": 10, "best": 0, "type": "goalpost" }"""));
        Assert.Empty(IndicatorSystemDiff.Compare(v1, v2));
    }
}
