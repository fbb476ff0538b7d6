namespace EvalSystem.Reports.Charts;

/// <summary>
/// 雷达图: scores (0–100) of one or more series across the same axes, e.g. a target's first-level scores against the city
/// average. The first series is drawn in the report blue, the second in orange. Records in, SVG or PNG bytes out.
/// </summary>
public static class RadarChart
{
    /// <summary>The fewest axes a radar can show as an area; with fewer, a bar chart reads better.</summary>
    public const int MinimumAxes = 3;

    /// <param name="Values">One score (0–100) per axis, in the order of the axes.</param>
    public sealed record Series(string Name, IReadOnlyList<double> Values);

    public static string Svg(string title, IReadOnlyList<string> axes, IReadOnlyList<Series> series, int width = 560, int height = 520) =>
        ChartCanvas.Svg(Build(title, axes, series), width, height);

    public static byte[] Png(string title, IReadOnlyList<string> axes, IReadOnlyList<Series> series, int width = 560, int height = 520) =>
        ChartCanvas.Png(Build(title, axes, series), width, height);

    private static ScottPlot.Plot Build(string title, IReadOnlyList<string> axes, IReadOnlyList<Series> series)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(series);
        if (axes.Count < MinimumAxes)
            throw new ArgumentException($"雷达图至少需要 {MinimumAxes} 个维度，现在只有 {axes.Count} 个。", nameof(axes));
        if (series.Count == 0)
            throw new ArgumentException("雷达图至少需要一组数据。", nameof(series));
        var values = new double[series.Count, axes.Count];
        for (var s = 0; s < series.Count; s++)
        {
            if (series[s].Values.Count != axes.Count)
                throw new ArgumentException($"数据“{series[s].Name}”有 {series[s].Values.Count} 个值，但雷达图有 {axes.Count} 个维度。", nameof(series));
            for (var a = 0; a < axes.Count; a++)
                values[s, a] = Math.Clamp(series[s].Values[a], 0, 100);
        }

        var plot = ChartCanvas.NewPlot();
        var radar = plot.Add.Radar(values);
        for (var s = 0; s < series.Count; s++)
        {
            var color = ChartCanvas.Color(s);
            radar.Series[s].LegendText = series[s].Name;
            radar.Series[s].LineColor = color;
            radar.Series[s].FillColor = color.WithAlpha(0.25);
        }

        // Fixed 0–100 rings so that two targets' charts can be compared by eye.
        radar.PolarAxis.SetSpokes(axes.ToArray(), length: 112);
        double[] rings = [20, 40, 60, 80, 100];
        radar.PolarAxis.SetCircles(rings, rings.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        radar.ManageAxisLimits = true;
        plot.Title(title);
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        return plot;
    }
}
