using EvalSystem.Web.Features.Analysis;
using EvalSystem.Web.Features.Dashboard;
using EvalSystem.Web.Features.Indicators;
using EvalSystem.Web.Features.Periods;
using EvalSystem.Web.Features.Rankings;
using EvalSystem.Web.Features.Reports;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Features.Supervision;

namespace EvalSystem.Web.Features;

public static class FeatureRegistration
{
    public static IHostApplicationBuilder AddEvalFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<DashboardQueries>();
        builder.Services.AddRankings();
        builder.Services.Configure<Notifications.NotificationOptions>(builder.Configuration.GetSection(Notifications.NotificationOptions.Section));
        builder.Services.AddScoped<Notifications.NotificationService>();
        builder.Services.AddScoped<PeriodQueries>();
        builder.Services.AddScoped<PeriodService>();
        builder.Services.AddScoped<Submissions.SubmissionService>();
        builder.Services.AddScoped<Submissions.SubmissionQueries>();
        builder.Services.AddScoped<Submissions.EvidenceService>();
        builder.Services.AddScoped<Submissions.SubmissionTemplateService>();
        var evidence = builder.Configuration.GetSection(EvidenceFiles.EvidenceOptions.Section).Get<EvidenceFiles.EvidenceOptions>() ?? new();
        builder.Services.AddSingleton(sp => new EvidenceFiles.EvidenceStore(evidence, builder.Environment.ContentRootPath));
        builder.Services.AddScoped<IndicatorSystemQueries>();
        builder.Services.AddScoped<IndicatorSystemService>();
        builder.Services.AddScoped<IndicatorSystemExcel>();
        builder.Services.AddScoped<ScoreRunner>();
        CaseData.CaseDataOptions.Check(builder.Configuration.GetSection(CaseData.CaseDataOptions.Section).Get<CaseData.CaseDataOptions>() ?? new());
        builder.Services.Configure<CaseData.CaseDataOptions>(builder.Configuration.GetSection(CaseData.CaseDataOptions.Section));
        builder.Services.AddScoped<CaseData.WorkingCalendarService>();
        builder.Services.AddScoped<CaseData.CaseMeasureService>();
        builder.Services.AddScoped<CaseData.CaseImportService>();
        builder.Services.AddScoped<CaseData.RectificationService>();
        builder.Services.AddEvalAnalysis();
        builder.Services.AddScoped<ScoreRunService>();
        builder.Services.AddScoped<Integration.ApiKeyService>();
        builder.AddSupervision();
        builder.AddReportCenter();
        return builder;
    }
}
