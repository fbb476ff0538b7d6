using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Tests;

public class ColumnWidthsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("KB-2", 4)]
    [InlineData("开办企业时间", 12)]
    [InlineData("KB-2 开办企业", 13)]
    [InlineData("（全角）", 8)]
    public void Of_CountsCjkCharactersDouble(string text, double expected) =>
        Assert.Equal(expected, ColumnWidths.Of(text));

    [Fact]
    public void Fit_PadsTheWidestTextAndStaysWithinBounds()
    {
        Assert.Equal(14, ColumnWidths.Fit(["KB-2", "开办企业时间"]));
        Assert.Equal(ColumnWidths.Minimum, ColumnWidths.Fit(["a"]));
        Assert.Equal(ColumnWidths.Maximum, ColumnWidths.Fit([new string('营', 100)]));
        Assert.Equal(ColumnWidths.Minimum, ColumnWidths.Fit([]));
    }
}
