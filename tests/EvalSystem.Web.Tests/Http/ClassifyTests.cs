using EvalSystem.Domain.Indicators;
using EvalSystem.Web.Features.Dashboard;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Tests.Http;

public class ClassifyTests
{
    [Theory]
    [InlineData(IndicatorDirection.LowerIsBetter, 0.8, ValueStanding.Advanced)]
    [InlineData(IndicatorDirection.LowerIsBetter, 3.0, ValueStanding.Normal)]
    [InlineData(IndicatorDirection.LowerIsBetter, 5.0, ValueStanding.Warning)]
    [InlineData(IndicatorDirection.HigherIsBetter, 0.8, ValueStanding.Warning)]
    [InlineData(IndicatorDirection.HigherIsBetter, 3.0, ValueStanding.Normal)]
    [InlineData(IndicatorDirection.HigherIsBetter, 5.0, ValueStanding.Advanced)]
    public void Classify_FollowsTheDirection(IndicatorDirection direction, double value, ValueStanding expected)
    {
        var (warning, advanced) = direction == IndicatorDirection.LowerIsBetter ? (5.0, 1.0) : (1.0, 5.0);
        Assert.Equal(expected, new HeadlineIndicator("X", "X", "", direction, warning, advanced).Classify(value));
    }

    [Fact]
    public void Classify_NoValue_IsMissing() =>
        Assert.Equal(ValueStanding.Missing, new HeadlineIndicator("X", "X", "", IndicatorDirection.HigherIsBetter, 1, 5).Classify(null));
}
