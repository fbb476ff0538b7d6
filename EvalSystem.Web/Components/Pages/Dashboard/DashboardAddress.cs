using EvalSystem.Web.Features.Dashboard;

namespace EvalSystem.Web.Components.Pages.Dashboard;

/// <summary>
/// Everything a dashboard view shows besides its data, held in the address: the page renders statically (no circuit,
/// docs/adr/009), so a choice is a link or a GET form to the next address, and any address can be bookmarked or sent on.
/// <c>/dashboard?run=&lt;id&gt;&amp;radar=石桥县&amp;trend=中心区&amp;trend=东城区&amp;table=radar</c>
/// </summary>
/// <param name="Run">The score run; null is the newest the user may see.</param>
/// <param name="Radar">The radar chart's region; null is the default (the last of the ranking).</param>
/// <param name="Trend">The trend chart's regions; empty is the default.</param>
/// <param name="Tables">The charts shown as their data table instead of the drawing.</param>
public sealed record DashboardAddress(Guid? Run, string? Radar, IReadOnlyList<string> Trend, IReadOnlyList<string> Tables)
{
    public const string Path = "/dashboard";

    public static readonly DashboardAddress Default = new(null, null, [], []);

    /// <summary>Reads the query string; a run that is not an id is reported in <paramref name="badRun"/> and ignored.</summary>
    public static DashboardAddress Parse(string? run, string? radar, string[]? trend, string[]? table, out bool badRun)
    {
        Guid? runId = null;
        badRun = false;
        if (!string.IsNullOrWhiteSpace(run))
        {
            if (Guid.TryParse(run, out var parsed))
                runId = parsed;
            else
                badRun = true;
        }
        return new(runId, string.IsNullOrWhiteSpace(radar) ? null : radar.Trim(),
            [.. (trend ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().Take(DashboardChartSet.MaxTrendRegions)],
            [.. DashboardChartSet.Keys.Where(k => table?.Contains(k, StringComparer.OrdinalIgnoreCase) == true)]);
    }

    /// <summary>Keeps only the chart choices the charts accepted, so that links do not carry unknown names on.</summary>
    public DashboardAddress Accepted(DashboardChartSet? charts) =>
        this with { Radar = charts?.ChosenRadar, Trend = charts?.ChosenTrend ?? [] };

    public bool ShowsTable(string chart) => Tables.Contains(chart);

    public DashboardAddress WithTable(string chart, bool shown) =>
        this with { Tables = shown ? [.. Tables.Append(chart).Distinct()] : [.. Tables.Where(t => t != chart)] };

    /// <summary>The query pairs of this address, without <paramref name="except"/> (the field a form sets itself).</summary>
    public IEnumerable<(string Name, string Value)> Fields(string? except = null)
    {
        if (Run is { } run && except != "run")
            yield return ("run", run.ToString());
        if (Radar is { } radar && except != "radar")
            yield return ("radar", radar);
        if (except != "trend")
        {
            foreach (var region in Trend)
                yield return ("trend", region);
        }
        if (except != "table")
        {
            foreach (var chart in Tables)
                yield return ("table", chart);
        }
    }

    /// <summary>The link to this view; <paramref name="anchor"/> keeps the reader at the chart they changed.</summary>
    public string Href(string? anchor = null)
    {
        var query = string.Join('&', Fields().Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));
        return Path + (query.Length > 0 ? "?" + query : "") + (anchor is null ? "" : "#" + anchor);
    }
}
