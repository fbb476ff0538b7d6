using EvalSystem.Domain.Indicators;
using EvalSystem.Web.Features.Dashboard;

namespace EvalSystem.Web.Tests.Http;

public class ClassifyTests
{
    [Theory]
    [InlineData(Direction.LowerIsBetter, 0.8, ValueStanding.Advanced)]
    [InlineData(Direction.LowerIsBetter, 3.0, ValueStanding.Normal)]
    [InlineData(Direction.LowerIsBetter, 5.0, ValueStanding.Warning)]
    [InlineData(Direction.HigherIsBetter, 0.8, ValueStanding.Warning)]
    [InlineData(Direction.HigherIsBetter, 3.0, ValueStanding.Normal)]
    [InlineData(Direction.HigherIsBetter, 5.0, ValueStanding.Advanced)]
    public void Classify_FollowsTheDirection(Direction direction, double value, ValueStanding expected)
    {
        var (warning, advanced) = direction == Direction.LowerIsBetter ? (5.0, 1.0) : (1.0, 5.0);
        Assert.Equal(expected, new HeadlineIndicator("X", "X", "", direction, warning, advanced).Classify(value));
    }

    [Fact]
    public void Classify_NoValue_IsMissing() =>
        Assert.Equal(ValueStanding.Missing, new HeadlineIndicator("X", "X", "", Direction.HigherIsBetter, 1, 5).Classify(null));
}
