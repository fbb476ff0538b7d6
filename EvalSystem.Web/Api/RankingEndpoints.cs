using EvalSystem.Domain.Common;
using EvalSystem.Domain.Organization;
using EvalSystem.Web.Features.Rankings;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Api;

/// <summary>导出排名: the 排名通报 workbook of one score run, downloaded through an authorized endpoint.</summary>
public static class RankingEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>GET /files/rankings/{runId}.xlsx?kind=Region|Department&amp;filter=…</c>; <c>filter</c> is a key of the page's filter
    /// select (a parent region id or a department kind). The export service checks the capability and the published-only
    /// rule for department users again.
    /// </summary>
    public static IEndpointRouteBuilder MapRankingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/rankings/{runId:guid}.xlsx", async (Guid runId, string? kind, string? filter, RankingExport export, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                TargetKind? targetKind = null;
                if (!string.IsNullOrEmpty(kind))
                {
                    if (!Enum.TryParse<TargetKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
                        return Results.Problem("kind 只能是 Region（地区）或 Department（部门）。", statusCode: StatusCodes.Status400BadRequest);
                    targetKind = parsed;
                }
                try
                {
                    var workbook = await export.ExportAsync(runId, targetKind, filter, ct);
                    return Results.File(workbook.Content, Xlsx, workbook.FileName);
                }
                catch (AccessDeniedException ex)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
                }
                catch (DomainException ex)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
                }
            })
            .RequireAuthorization(Policies.ViewRankings);
        return app;
    }
}
