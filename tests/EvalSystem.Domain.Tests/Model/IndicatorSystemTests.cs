using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.Tests.Model;

public class IndicatorSystemTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Amr = Guid.NewGuid();

    private static IndicatorDefinition Days(double? warning = null, double? advanced = null) =>
        new("工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, Amr, WarningValue: warning, AdvancedValue: advanced,
            RuleJson: """{"type":"goalpost","best":0.5,"worst":20}""");

    private static IndicatorSystem ValidSystem()
    {
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var kb = system.AddGroup("KB", "开办企业", "Starting a business", 60);
        system.AddIndicator(kb, "KB-1", "开办企业环节", null, 50, Days());
        system.AddIndicator(kb, "KB-2", "开办企业时间", null, 50, Days());
        var zw = system.AddGroup("ZW", "政务服务", null, 40);
        system.AddIndicator(zw, "ZW-2", "平均审批时间", null, 100, Days());
        return system;
    }

    [Fact]
    public void Validate_ValidSystem_HasNoErrors() => Assert.Empty(ValidSystem().Validate());

    [Fact]
    public void Validate_SiblingWeightsNotSummingTo100_NamesTheParentAndTheSum()
    {
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var kb = system.AddGroup("KB", "开办企业", null, 100);
        system.AddIndicator(kb, "KB-1", "开办企业环节", null, 50, Days());
        system.AddIndicator(kb, "KB-2", "开办企业时间", null, 45, Days());

        var error = Assert.Single(system.Validate());
        Assert.Contains("「开办企业」", error);
        Assert.Contains("95%", error);
    }

    [Fact]
    public void Validate_GroupWithoutIndicators_IsReported()
    {
        var system = ValidSystem();
        var group = system.Nodes.Single(n => n.Code == "ZW");
        system.AddGroup("ZW-X", "空分组", null, 100, group);
        Assert.Contains(system.Validate(), e => e.Contains("「空分组」下没有任何指标"));
    }

    [Fact]
    public void AddIndicator_DuplicateCode_IsRefused()
    {
        var system = ValidSystem();
        var kb = system.Nodes.Single(n => n.Code == "KB");
        var ex = Assert.Throws<DomainException>(() => system.AddIndicator(kb, "kb-1", "重复", null, 10, Days()));
        Assert.Contains("kb-1", ex.Message);
    }

    [Fact]
    public void AddIndicator_UnderAnIndicator_IsRefused()
    {
        var system = ValidSystem();
        var leaf = system.Nodes.Single(n => n.Code == "KB-1");
        Assert.Throws<DomainException>(() => system.AddIndicator(leaf, "KB-1-1", "下级", null, 100, Days()));
    }

    [Fact]
    public void AddGroup_BeyondThreeLevels_IsRefused()
    {
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var l1 = system.AddGroup("A", "一级", null, 100);
        var l2 = system.AddGroup("A.1", "二级", null, 100, l1);
        var l3 = system.AddGroup("A.1.1", "三级", null, 100, l2);
        var ex = Assert.Throws<DomainException>(() => system.AddGroup("A.1.1.1", "四级", null, 100, l3));
        Assert.Contains("最多3级", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    public void Weight_OutsideZeroToHundred_IsRefused(double weight) =>
        Assert.Throws<DomainException>(() => new IndicatorSystem("体系", TargetKind.Region, Now).AddGroup("KB", "开办企业", null, (decimal)weight));

    [Fact]
    public void Define_LowerIsBetterWithAdvancedAboveWarning_IsRefused()
    {
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var kb = system.AddGroup("KB", "开办企业", null, 100);
        var ex = Assert.Throws<DomainException>(() => system.AddIndicator(kb, "KB-2", "开办企业时间", null, 100, Days(warning: 3, advanced: 5)));
        Assert.Contains("逆向指标", ex.Message);
    }

    [Fact]
    public void Define_SubmittedIndicatorWithoutResponsibleDepartment_IsRefused()
    {
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var kb = system.AddGroup("KB", "开办企业", null, 100);
        Assert.Throws<DomainException>(() => system.AddIndicator(kb, "KB-2", "开办企业时间", null, 100,
            new IndicatorDefinition("工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.DepartmentSubmission, null)));
    }

    [Fact]
    public void Define_ComputedIndicator_KeepsItsMeasure_AndAMeasureOfTheOtherSourceIsRefused()
    {
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var zw = system.AddGroup("ZW", "政务服务", null, 100);
        var time = system.AddIndicator(zw, "ZW-2", "平均审批时间", null, 50,
            new IndicatorDefinition("工作日", IndicatorDirection.LowerIsBetter, IndicatorSource.CaseData, null, Measure: CaseMeasureKind.AverageApprovalDays));
        Assert.Equal(CaseMeasureKind.AverageApprovalDays, time.Measure);

        var ex = Assert.Throws<DomainException>(() => system.AddIndicator(zw, "ZW-4", "满意率", null, 50,
            new IndicatorDefinition("%", IndicatorDirection.HigherIsBetter, IndicatorSource.CaseData, null, Measure: CaseMeasureKind.SatisfactionRate)));
        Assert.Contains("好差评", ex.Message);

        // A submitted indicator has no measure, whatever the definition says.
        var submitted = system.AddIndicator(zw, "ZW-1", "网上可办率", null, 50,
            new IndicatorDefinition("%", IndicatorDirection.HigherIsBetter, IndicatorSource.DepartmentSubmission, Amr, Measure: CaseMeasureKind.OnlineShare));
        Assert.Null(submitted.Measure);
    }

    [Fact]
    public void Publish_InvalidSystem_IsRefusedWithTheErrors()
    {
        var system = new IndicatorSystem("测试体系", TargetKind.Region, Now);
        var kb = system.AddGroup("KB", "开办企业", null, 90);
        system.AddIndicator(kb, "KB-1", "开办企业环节", null, 100, Days());
        var ex = Assert.Throws<DomainException>(() => system.Publish(Now));
        Assert.Contains("90%", ex.Message);
        Assert.Equal(SystemStatus.Draft, system.Status);
    }

    [Fact]
    public void PublishedSystem_CannotBeEdited()
    {
        var system = ValidSystem();
        system.Publish(Now);
        var leaf = system.Nodes.Single(n => n.Code == "KB-1");
        var ex = Assert.Throws<DomainException>(() => system.Reweight(leaf, 40));
        Assert.Contains("已发布", ex.Message);
        Assert.Equal(50m, leaf.Weight);
    }

    [Fact]
    public void CreateNextDraft_CopiesTheTreeWithNewIdsAndLeavesThePublishedVersionUntouched()
    {
        var published = ValidSystem();
        published.Publish(Now);

        var draft = published.CreateNextDraft(Now.AddDays(1));
        var kb1 = draft.Nodes.Single(n => n.Code == "KB-1");
        draft.Reweight(kb1, 40);

        Assert.Equal((published.LineageId, 2, SystemStatus.Draft), (draft.LineageId, draft.Version, draft.Status));
        Assert.Equal(published.Nodes.Count, draft.Nodes.Count);
        Assert.Empty(draft.Nodes.Select(n => n.Id).Intersect(published.Nodes.Select(n => n.Id)));
        Assert.All(draft.Nodes.Where(n => n.ParentId is not null), n => Assert.Contains(draft.Nodes, p => p.Id == n.ParentId));
        Assert.Equal(50m, published.Nodes.Single(n => n.Code == "KB-1").Weight);
    }

    [Fact]
    public void Remove_GroupWithChildren_IsRefused()
    {
        var system = ValidSystem();
        Assert.Throws<DomainException>(() => system.Remove(system.Nodes.Single(n => n.Code == "KB")));
    }
}
