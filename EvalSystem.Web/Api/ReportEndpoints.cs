using EvalSystem.Domain.Common;
using EvalSystem.Web.Features.Reports;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Api;

/// <summary>报表中心 downloads: a generated report, through an authorized endpoint (never pushed over the circuit).</summary>
public static class ReportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>GET /files/reports/{jobId}</c>: the stored file of a completed job. The service checks again that the user may read the
    /// job (its requester, the office, auditors); a refusal is audited and answered 403.
    /// </summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/reports/{jobId:guid}", async (Guid jobId, ReportCenterService reports, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.XContentTypeOptions = "nosniff";
                try
                {
                    var download = await reports.OpenAsync(jobId, ct);
                    return Results.File(download.Content, Xlsx, download.FileName);
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
            .RequireAuthorization(Policies.ViewReports);
        return app;
    }
}
