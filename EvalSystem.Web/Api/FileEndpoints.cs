using EvalSystem.Web.Features.Indicators;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Api;

/// <summary>Downloads go through authorized endpoints, never as bytes over the Blazor circuit.</summary>
public static class FileEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/indicator-systems/{id:guid}.xlsx", async (Guid id, IndicatorSystemExcel excel, HttpContext http, CancellationToken ct) =>
            {
                var (fileName, content) = await excel.ExportAsync(id, ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(content, Xlsx, fileName);
            })
            .RequireAuthorization(Policies.ExportIndicators);
        return app;
    }
}
