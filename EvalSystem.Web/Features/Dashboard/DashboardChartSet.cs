using EvalSystem.Reports.Charts;

namespace EvalSystem.Web.Features.Dashboard;

/// <summary>One dashboard chart: what it shows as a table, and the same chart drawn as SVG (page) or PNG (download).</summary>
public sealed record DashboardChart(
    string Key, string Title, string FileName, IReadOnlyList<string> Columns,
    IReadOnlyList<(string Label, IReadOnlyList<double?> Values)> Rows, Func<string> Svg, Func<byte[]> Png);

/// <summary>
/// The dashboard's four charts for one view — composite trend, a region against the city average (radar), regions ×
/// first-level indicators (heatmap), the spread of composites — drawn by the report module so that web and Excel agree.
/// The page and the download endpoint build the same set from the same address, so a download is the chart on screen.
/// </summary>
public sealed class DashboardChartSet
{
    public const int MaxTrendRegions = 5;

    public static readonly IReadOnlyList<string> Keys = ["trend", "radar", "heatmap", "distribution"];

    /// <param name="radar">The region the address asks for; anything not listed on the dashboard falls back to the last.</param>
    /// <param name="trendRegions">The regions the address asks for; unknown names are dropped, at most five are kept.</param>
    public DashboardChartSet(ScoreBoard scores, CompositeTrend trend, string? radar, IEnumerable<string>? trendRegions)
    {
        Scores = scores;
        Trend = trend;
        ChosenRadar = scores.Shown.Any(r => r.Name == radar) ? radar : null;
        ChosenTrend = (trendRegions ?? []).Where(n => trend.Regions.Any(r => r.Name == n)).Distinct().Take(MaxTrendRegions).ToList();
    }

    public ScoreBoard Scores { get; }

    public CompositeTrend Trend { get; }

    /// <summary>The radar's region as chosen, when it is one the dashboard lists; null means the default.</summary>
    public string? ChosenRadar { get; }

    /// <summary>The trend's regions as chosen and valid; empty means the default.</summary>
    public IReadOnlyList<string> ChosenTrend { get; }

    /// <summary>By default the radar shows the last of the ranking: who needs supervision, and where.</summary>
    public string RadarRegion => ChosenRadar ?? Scores.Rows[^1].Name;

    /// <summary>By default the trend follows the top three and the last of the ranking.</summary>
    public IReadOnlyList<string> TrendRegions => ChosenTrend.Count > 0
        ? ChosenTrend
        : Scores.Rows.Take(3).Append(Scores.Rows[^1]).Select(r => r.Name).Distinct().ToList();

    /// <summary>The regions the trend may show: those the dashboard lists.</summary>
    public IReadOnlyList<string> TrendChoices => Trend.Regions.Select(r => r.Name).ToList();

    public DashboardChart? Find(string key) => key switch
    {
        "trend" => BuildTrend(),
        "radar" => BuildRadar(),
        "heatmap" => BuildHeatmap(),
        "distribution" => BuildDistribution(),
        _ => null,
    };

    public IEnumerable<DashboardChart> All => Keys.Select(k => Find(k)!);

    private DashboardChart BuildTrend()
    {
        var shown = TrendRegions;
        IReadOnlyList<(string Label, IReadOnlyList<double?> Values)> rows =
            [.. Trend.Regions.Where(r => shown.Contains(r.Name)), ("全市平均", Trend.CityAverage)];
        var lines = rows.Select(r => new TrendLineChart.Line(r.Label, r.Values)).ToList();
        return new DashboardChart("trend", "综合得分趋势", "综合得分趋势", Trend.Periods, rows,
            () => TrendLineChart.Svg("", Trend.Periods, lines, width: 640, height: 360),
            () => TrendLineChart.Png("综合得分趋势", Trend.Periods, lines, width: 800, height: 450));
    }

    private DashboardChart BuildRadar()
    {
        var region = RadarRegion;
        IReadOnlyList<(string Label, IReadOnlyList<double?> Values)> rows =
            [(region, Scores.Rows.First(r => r.Name == region).GroupScores), ("全市平均", Scores.GroupAverages)];
        var series = rows.Select(r => new RadarChart.Series(r.Label, r.Values.Select(v => v ?? 0).ToList())).ToList();
        return new DashboardChart("radar", $"{region} 与全市平均（一级指标得分）", "一级指标雷达图", Scores.GroupNames, rows,
            () => RadarChart.Svg("", Scores.GroupNames, series, width: 560, height: 440),
            () => RadarChart.Png($"{region} 一级指标得分", Scores.GroupNames, series, width: 640, height: 560));
    }

    private DashboardChart BuildHeatmap()
    {
        var rows = Scores.Shown.Select(r => (r.Name, r.GroupScores)).ToList();
        var data = Scores.Shown.Select(r => new HeatmapChart.Row(r.Name, r.GroupScores)).ToList();
        return new DashboardChart("heatmap", Scores.IsShortened ? "前十名与后十名的一级指标得分" : "各地区一级指标得分", "一级指标得分热力图",
            Scores.GroupNames, rows,
            () => HeatmapChart.Svg("", Scores.GroupNames, data, width: 640),
            () => HeatmapChart.Png("各地区一级指标得分", Scores.GroupNames, data, width: 800));
    }

    private DashboardChart BuildDistribution()
    {
        var bands = DistributionChart.Bands(Scores.Rows.Select(r => r.Composite));
        var rows = bands.Select(b => (b.Label, (IReadOnlyList<double?>)[b.Count])).ToList();
        return new DashboardChart("distribution", "综合得分分布", "综合得分分布", ["个数"], rows,
            () => DistributionChart.Svg("", bands, width: 640, height: 360),
            () => DistributionChart.Png("综合得分分布", bands, width: 800, height: 450));
    }
}
