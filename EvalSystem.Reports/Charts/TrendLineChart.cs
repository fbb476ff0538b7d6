namespace EvalSystem.Reports.Charts;

/// <summary>
/// 得分走势: one line per target (or per average) across periods, oldest period on the left. Records in, SVG or PNG bytes out.
/// A period without a value (the target was not evaluated then) is skipped: the line joins its neighbours.
/// </summary>
public static class TrendLineChart
{
    /// <param name="Values">One value per period, in the order of the periods; null where there is none.</param>
    public sealed record Line(string Name, IReadOnlyList<double?> Values);

    public static string Svg(string title, IReadOnlyList<string> periods, IReadOnlyList<Line> lines, int width = 800, int height = 450, string yLabel = "综合得分") =>
        ChartCanvas.Svg(Build(title, periods, lines, yLabel), width, height);

    public static byte[] Png(string title, IReadOnlyList<string> periods, IReadOnlyList<Line> lines, int width = 800, int height = 450, string yLabel = "综合得分") =>
        ChartCanvas.Png(Build(title, periods, lines, yLabel), width, height);

    private static ScottPlot.Plot Build(string title, IReadOnlyList<string> periods, IReadOnlyList<Line> lines, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            if (line.Values.Count != periods.Count)
                throw new ArgumentException($"走势线“{line.Name}”有 {line.Values.Count} 个值，但有 {periods.Count} 个评价周期。", nameof(lines));
        }

        var plot = ChartCanvas.NewPlot();
        for (var i = 0; i < lines.Count; i++)
        {
            var points = lines[i].Values
                .Select((v, p) => (Value: v, Position: p))
                .Where(x => x.Value is { } v && double.IsFinite(v))
                .ToArray();
            var scatter = plot.Add.Scatter(points.Select(x => (double)x.Position).ToArray(), points.Select(x => x.Value!.Value).ToArray());
            scatter.Color = ChartCanvas.Color(i);
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            scatter.LegendText = lines[i].Name;
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, periods.Count).Select(p => (double)p).ToArray(), periods.ToArray());
        plot.Axes.SetLimitsX(-0.5, Math.Max(periods.Count - 0.5, 0.5));
        plot.Title(title);
        plot.YLabel(yLabel);
        if (lines.Count > 0)
            plot.ShowLegend(ScottPlot.Edge.Right);
        return plot;
    }
}
