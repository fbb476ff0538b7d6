namespace EvalSystem.Web.Features.Reports;

public static class ReportCenterRegistration
{
    /// <summary>报表中心: the catalogue, the request and history service, the file store, the queue and its background worker.</summary>
    public static IHostApplicationBuilder AddReportCenter(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ReportOptions.Section).Get<ReportOptions>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new ReportFileStore(options, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<ReportCatalog>();
        builder.Services.AddSingleton<ReportQueue>();
        builder.Services.AddHostedService<ReportWorker>();
        builder.Services.AddScoped<ReportRetention>();
        builder.Services.AddHostedService<ReportRetentionWorker>();
        builder.Services.AddScoped<ReportCenterService>();
        return builder;
    }
}
