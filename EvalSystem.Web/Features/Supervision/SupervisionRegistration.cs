using EvalSystem.Web.Data;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Features.Supervision;

public static class SupervisionRegistration
{
    public static IHostApplicationBuilder AddSupervision(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SupervisionOptions.Section);
        // Bad rules stop the start with the domain's sentence rather than failing on the first extension.
        try
        {
            (section.Get<SupervisionOptions>() ?? new()).ToPolicy();
        }
        catch (Domain.Common.DomainException ex)
        {
            throw new StartupException($"配置项 {SupervisionOptions.Section} 无效：{ex.Message}");
        }
        builder.Services.Configure<SupervisionOptions>(section);
        builder.Services.AddScoped<SupervisionService>();
        builder.Services.AddScoped<SupervisionQueries>();
        builder.Services.AddScoped<SupervisionGeneration>();
        builder.Services.AddScoped<SupervisionMeasureService>();
        builder.Services.AddScoped<SupervisionRegister>();
        // 督查督办台账 in the report center's catalogue.
        builder.Services.AddSingleton(sp => SupervisionRegister.ReportKind(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SupervisionOptions>>()));
        builder.Services.AddHostedService<SupervisionEscalationWorker>();
        return builder;
    }

    /// <summary>Downloads: a progress report's file, and the supervision register workbook.</summary>
    public static IEndpointRouteBuilder MapSupervisionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/supervision/attachments/{id:guid}", async (Guid id, SupervisionQueries queries, HttpContext http, CancellationToken ct) =>
            {
                try
                {
                    var (item, content) = await queries.OpenAttachmentAsync(id, ct);
                    http.Response.Headers.XContentTypeOptions = "nosniff";
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
            .RequireAuthorization(Policies.ViewSupervision);

        app.MapGet("/files/supervision/register.xlsx", async (SupervisionRegister register, HttpContext http, CancellationToken ct) =>
            {
                var (fileName, content) = await register.ExportAsync(ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
            })
            .RequireAuthorization(Policies.ExportSupervision);
        return app;
    }
}
