namespace EvalSystem.Reports.Charts;

/// <summary>A horizontal bar chart of values per target, best at the top. Records in, SVG or PNG bytes out.</summary>
public static class RankingBarChart
{
    public sealed record Bar(string Label, double Value);

    public static string Svg(string title, IReadOnlyList<Bar> bars, int width = 800, int height = 600) =>
        ChartCanvas.Svg(Build(title, bars), width, height);

    public static byte[] Png(string title, IReadOnlyList<Bar> bars, int width = 800, int height = 600) =>
        ChartCanvas.Png(Build(title, bars), width, height);

    private static ScottPlot.Plot Build(string title, IReadOnlyList<Bar> bars)
    {
        var plot = ChartCanvas.NewPlot();
        var count = bars.Count;
        var positions = Enumerable.Range(0, count).Select(i => (double)(count - i)).ToArray();
        var barPlot = plot.Add.Bars(positions, bars.Select(b => b.Value).ToArray());
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, bars.Select(b => b.Label).ToArray());
        plot.Axes.Margins(left: 0);
        plot.Title(title);
        return plot;
    }
}
