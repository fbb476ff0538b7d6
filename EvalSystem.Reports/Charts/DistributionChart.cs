using System.Globalization;

namespace EvalSystem.Reports.Charts;

/// <summary>
/// 得分分布: how many targets fall in each score band (0–100 in bands of <see cref="BandWidth"/> points), so a leader sees
/// whether the field is bunched together (small differences, ranks matter little) or spread out. Records in, SVG or PNG out.
/// </summary>
public static class DistributionChart
{
    public const int BandWidth = 10;

    /// <summary>One band: its label ("60–70") and how many scores fall in it (a band is [lower, upper); 100 counts in the last).</summary>
    public sealed record Band(string Label, int Count);

    /// <summary>The bands from the lowest one holding a score to 100, counted; scores outside 0–100 are clamped.</summary>
    public static IReadOnlyList<Band> Bands(IEnumerable<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var counts = new int[100 / BandWidth];
        foreach (var score in scores)
        {
            var index = (int)Math.Floor(Math.Clamp(score, 0, 100) / BandWidth);
            counts[Math.Min(index, counts.Length - 1)]++;
        }
        var first = Array.FindIndex(counts, c => c > 0);
        if (first < 0)
            return [];
        return Enumerable.Range(first, counts.Length - first)
            .Select(i => new Band(string.Create(CultureInfo.InvariantCulture, $"{i * BandWidth}–{(i + 1) * BandWidth}"), counts[i]))
            .ToList();
    }

    public static string Svg(string title, IReadOnlyList<Band> bands, int width = 640, int height = 360) =>
        ChartCanvas.Svg(Build(title, bands), width, height);

    public static byte[] Png(string title, IReadOnlyList<Band> bands, int width = 640, int height = 360) =>
        ChartCanvas.Png(Build(title, bands), width, height);

    private static ScottPlot.Plot Build(string title, IReadOnlyList<Band> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var plot = ChartCanvas.NewPlot();
        var positions = Enumerable.Range(0, bands.Count).Select(i => (double)i).ToArray();
        var bars = plot.Add.Bars(positions, bands.Select(b => (double)b.Count).ToArray());
        bars.Color = ChartCanvas.Color(0);
        plot.Axes.Bottom.SetTicks(positions, bands.Select(b => b.Label).ToArray());
        plot.Axes.Bottom.Label.Text = "综合得分（分）";
        plot.Axes.Left.Label.Text = "个数";
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        return plot;
    }
}
