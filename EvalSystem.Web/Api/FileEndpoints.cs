using EvalSystem.Web.Features.Indicators;
using EvalSystem.Web.Features.Submissions;
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

        app.MapGet("/files/submissions/{periodId:guid}/template.xlsx", async (Guid periodId, SubmissionTemplateService templates, HttpContext http, CancellationToken ct) =>
            {
                try
                {
                    var (fileName, content) = await templates.DownloadAsync(periodId, ct);
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    return Results.File(content, Xlsx, fileName);
                }
                catch (Domain.Common.DomainException ex)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
                }
            })
            .RequireAuthorization(Policies.SubmitData);

        // Empty templates for the case-data and ratings imports.
        app.MapGet("/files/case-data/{kind}-template.{format}", (string kind, string format, HttpContext http) =>
            {
                byte[]? content = (kind, format) switch
                {
                    ("cases", "csv") => Reports.CaseFiles.CaseFileTemplate.Csv(),
                    ("cases", "xlsx") => Reports.CaseFiles.CaseFileTemplate.Xlsx(),
                    ("ratings", "csv") => Reports.CaseFiles.RatingFileTemplate.Csv(),
                    ("ratings", "xlsx") => Reports.CaseFiles.RatingFileTemplate.Xlsx(),
                    _ => null,
                };
                if (content is null)
                    return Results.NotFound();
                http.Response.Headers.XContentTypeOptions = "nosniff";
                var name = kind == "cases" ? Reports.CaseFiles.CaseFileTemplate.FileNameStem : Reports.CaseFiles.RatingFileTemplate.FileNameStem;
                return Results.File(content, format == "csv" ? "text/csv; charset=utf-8" : Xlsx, $"{name}.{format}");
            })
            .RequireAuthorization(Policies.ImportCaseData);

        // Always a download unless it is a PDF or an image asked for inline preview; never sniffed by the browser.
        app.MapGet("/files/evidence/{id:guid}", async (Guid id, bool? inline, EvidenceService evidence, HttpContext http, CancellationToken ct) =>
            {
                try
                {
                    var (item, content) = await evidence.OpenAsync(id, ct);
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    if (inline == true && item.ContentType is "application/pdf" or "image/png" or "image/jpeg")
                    {
                        http.Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(item.DisplayName)}";
                        return Results.Stream(content, item.ContentType);
                    }
                    return Results.Stream(content, item.ContentType, fileDownloadName: item.DisplayName);
                }
                catch (AccessDeniedException)
                {
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }
                catch (Domain.Common.DomainException)
                {
                    return Results.NotFound();
                }
            })
            .RequireAuthorization(Policies.ViewEvidence);
        return app;
    }
}
