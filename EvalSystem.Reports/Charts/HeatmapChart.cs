using System.Globalization;

namespace EvalSystem.Reports.Charts;

/// <summary>
/// 得分热力图: targets (rows, first target at the top) × indicators (columns), each cell coloured on a fixed red–yellow–green
/// 0–100 scale and labelled with its score, so that charts of different periods share one colour meaning. Records in,
/// SVG or PNG bytes out.
/// </summary>
public static class HeatmapChart
{
    /// <param name="Values">One score per column, in the order of the columns; null where there is none (drawn grey, "—").</param>
    public sealed record Row(string Label, IReadOnlyList<double?> Values);

    /// <summary>The height that gives every row about 28 pixels, for callers that do not choose one.</summary>
    public static int HeightFor(int rows) => Math.Clamp(180 + (28 * rows), 300, 4000);

    public static string Svg(string title, IReadOnlyList<string> columns, IReadOnlyList<Row> rows, int width = 900, int? height = null) =>
        ChartCanvas.Svg(Build(title, columns, rows), width, height ?? HeightFor(rows.Count));

    public static byte[] Png(string title, IReadOnlyList<string> columns, IReadOnlyList<Row> rows, int width = 900, int? height = null) =>
        ChartCanvas.Png(Build(title, columns, rows), width, height ?? HeightFor(rows.Count));

    private static ScottPlot.Plot Build(string title, IReadOnlyList<string> columns, IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0 || rows.Count == 0)
            throw new ArgumentException("热力图至少需要一行一列数据。", nameof(rows));
        var values = new double[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Values.Count != columns.Count)
                throw new ArgumentException($"“{rows[r].Label}”有 {rows[r].Values.Count} 个值，但热力图有 {columns.Count} 列。", nameof(rows));
            for (var c = 0; c < columns.Count; c++)
                values[r, c] = rows[r].Values[c] is { } v && double.IsFinite(v) ? v : double.NaN;
        }

        var plot = ChartCanvas.NewPlot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([new(248, 105, 107), new(255, 235, 132), new(99, 190, 123)]);
        heatmap.ManualRange = new ScottPlot.Range(0, 100);
        heatmap.NaNCellColor = new ScottPlot.Color(217, 217, 217);

        // ScottPlot draws data row 0 at the top: row r sits at y = rows − 1 − r.
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var v = values[r, c];
                var text = plot.Add.Text(double.IsNaN(v) ? "—" : v.ToString("0.0", CultureInfo.InvariantCulture), c, rows.Count - 1 - r);
                text.Alignment = ScottPlot.Alignment.MiddleCenter;
                text.LabelFontSize = 12;
                text.LabelFontColor = ScottPlot.Colors.Black;
            }
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, columns.Count).Select(c => (double)c).ToArray(), columns.ToArray());
        // First-level names are long (执行合同与办理破产): slanted, they do not run into each other.
        plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 16 * columns.Max(c => c.Length) * 0.6f + 20;
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, rows.Count).Select(r => (double)(rows.Count - 1 - r)).ToArray(),
            rows.Select(r => r.Label).ToArray());
        plot.Axes.SetLimits(-0.5, columns.Count - 0.5, -0.5, rows.Count - 0.5);
        plot.HideGrid();
        plot.Add.ColorBar(heatmap);
        plot.Title(title);
        return plot;
    }
}
