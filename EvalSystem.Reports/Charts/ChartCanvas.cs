namespace EvalSystem.Reports.Charts;

/// <summary>
/// What every chart shares: the CJK font is registered before a plot exists (ScottPlot reads the default font when a plot
/// and its labels are created), one plot per render (plots are not thread-safe), and the plot is disposed after rendering.
/// </summary>
internal static class ChartCanvas
{
    /// <summary>The series colours, in order: the evaluated target first, the reference (e.g. the city average) second.</summary>
    public static readonly ScottPlot.Color[] Palette =
    [
        new(31, 78, 140),
        new(230, 126, 34),
        new(39, 174, 96),
        new(192, 57, 43),
        new(142, 68, 173),
        new(22, 160, 133),
        new(127, 140, 141),
        new(241, 196, 15),
        new(52, 73, 94),
        new(211, 84, 0),
    ];

    public static ScottPlot.Color Color(int index) => Palette[index % Palette.Length];

    public static ScottPlot.Plot NewPlot()
    {
        ChartFonts.Configure();
        return new ScottPlot.Plot();
    }

    public static string Svg(ScottPlot.Plot plot, int width, int height)
    {
        using (plot)
        {
            CheckSize(width, height);
            return Scalable(plot.GetSvgXml(width, height), width, height);
        }
    }

    public static byte[] Png(ScottPlot.Plot plot, int width, int height)
    {
        using (plot)
        {
            CheckSize(width, height);
            return plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
        }
    }

    /// <summary>
    /// Gives the SVG a viewBox so a page can scale it to its column (CSS width 100 %) without clipping the legend;
    /// width and height stay for a downloaded file opened on its own.
    /// </summary>
    private static string Scalable(string svg, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0 || svg.IndexOf("viewBox", start, StringComparison.Ordinal) is var at && at >= 0 && at < svg.IndexOf('>', start))
            return svg;
        return svg.Insert(start + 4, string.Create(System.Globalization.CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\""));
    }

    private static void CheckSize(int width, int height)
    {
        if (width < 1 || height < 1)
            throw new ArgumentOutOfRangeException(nameof(width), $"图表尺寸必须为正数（{width}×{height}）。");
    }
}
