using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;

namespace EvalSystem.Domain.Tests.Cases;

public class CaseMeasureKindTests
{
    [Theory]
    [InlineData(CaseMeasureKind.AverageApprovalDays, "平均审批时间", "工作日", IndicatorSource.CaseData)]
    [InlineData(CaseMeasureKind.MedianApprovalDays, "审批时间中位数", "工作日", IndicatorSource.CaseData)]
    [InlineData(CaseMeasureKind.OnTimeRate, "按时办结率", "%", IndicatorSource.CaseData)]
    [InlineData(CaseMeasureKind.OnlineShare, "网办率", "%", IndicatorSource.CaseData)]
    [InlineData(CaseMeasureKind.StartupDays, "开办企业时间", "工作日", IndicatorSource.CaseData)]
    [InlineData(CaseMeasureKind.SatisfactionRate, "满意率", "%", IndicatorSource.Ratings)]
    [InlineData(CaseMeasureKind.BadReviewCount, "差评数", "件", IndicatorSource.Ratings)]
    [InlineData(CaseMeasureKind.RectificationRate, "差评整改率", "%", IndicatorSource.Ratings)]
    [InlineData(CaseMeasureKind.OnTimeRectificationRate, "按期整改率", "%", IndicatorSource.Ratings)]
    public void EveryKind_HasNameUnitAndSource(CaseMeasureKind kind, string name, string unit, IndicatorSource source)
    {
        Assert.Equal(name, kind.DisplayName());
        Assert.Equal(unit, kind.Unit());
        Assert.Equal(source, kind.Source());
    }

    [Fact]
    public void All_HasNineKinds() => Assert.Equal(9, CaseMeasureKinds.All.Count);
}
