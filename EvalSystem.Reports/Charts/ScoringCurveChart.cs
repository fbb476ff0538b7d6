namespace EvalSystem.Reports.Charts;

/// <summary>评分曲线: how a rule maps raw values to scores across a plausible range, with an optional marked value.</summary>
public static class ScoringCurveChart
{
    public sealed record Curve(string Title, string Unit, IReadOnlyList<double> Values, IReadOnlyList<double> Scores, double? Marked = null, double? MarkedScore = null);

    public static string Svg(Curve curve, int width = 560, int height = 280) => ChartCanvas.Svg(Build(curve), width, height);

    public static byte[] Png(Curve curve, int width = 560, int height = 280) => ChartCanvas.Png(Build(curve), width, height);

    private static ScottPlot.Plot Build(Curve curve)
    {
        var plot = ChartCanvas.NewPlot();
        var line = plot.Add.ScatterLine(curve.Values.ToArray(), curve.Scores.ToArray());
        line.LineWidth = 2;
        line.Color = new ScottPlot.Color(31, 78, 140);
        if (curve.Marked is { } x && curve.MarkedScore is { } y)
        {
            var marker = plot.Add.Marker(x, y);
            marker.Color = new ScottPlot.Color(192, 57, 43);
            marker.Size = 10;
        }
        plot.Axes.SetLimitsY(-5, 105);
        plot.Title(curve.Title);
        plot.XLabel(string.IsNullOrEmpty(curve.Unit) ? "原始值" : $"原始值（{curve.Unit}）");
        plot.YLabel("得分");
        return plot;
    }
}
