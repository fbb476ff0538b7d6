using EvalSystem.Web.Features.Dashboard;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Api;

/// <summary>A dashboard chart on its own, as PNG or SVG: the static dashboard links here instead of pushing bytes to the browser.</summary>
public static class DashboardEndpoints
{
    /// <summary>
    /// <c>GET /files/dashboard/{chart}.{png|svg}?run=…&amp;radar=…&amp;trend=…</c>: the chart as the dashboard shows it for the
    /// same address. The dashboard service checks the capability and which runs the user may see, as for the page.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/dashboard/{chart}.{format}", async (string chart, string format, Guid? run, string? radar, string[]? trend,
                DashboardQueries dashboard, HttpContext http, CancellationToken ct) =>
            {
                if (format is not ("png" or "svg") || !DashboardChartSet.Keys.Contains(chart))
                    return Results.NotFound();
                http.Response.Headers.XContentTypeOptions = "nosniff";
                try
                {
                    var view = await dashboard.GetAsync(run, ct);
                    if (view is not { Trend.Periods.Count: > 0, Scores.Rows.Count: > 0 })
                        return Results.Problem("该周期还没有得分，没有图表可下载。", statusCode: StatusCodes.Status404NotFound);
                    var drawn = new DashboardChartSet(view.Scores, view.Trend, radar, trend).Find(chart)!;
                    return format == "png"
                        ? Results.File(drawn.Png(), "image/png", $"{drawn.FileName}.png")
                        : Results.File(System.Text.Encoding.UTF8.GetBytes(drawn.Svg()), "image/svg+xml", $"{drawn.FileName}.svg");
                }
                catch (AccessDeniedException ex)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
                }
            })
            .RequireAuthorization(Policies.ViewDashboard);
        return app;
    }

    /// <summary>The address of a chart's download, carrying the view's choices (<see cref="Components.Pages.Dashboard.DashboardAddress.Fields"/>).</summary>
    public static string ChartHref(string chart, string format, IEnumerable<(string Name, string Value)> fields)
    {
        var query = string.Join('&', fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));
        return $"/files/dashboard/{chart}.{format}" + (query.Length > 0 ? "?" + query : "");
    }
}
