using EvalSystem.Web.Features.Dashboard;

namespace EvalSystem.Web.Features;

public static class FeatureRegistration
{
    public static IHostApplicationBuilder AddEvalFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
        builder.Services.AddScoped<DashboardQueries>();
        return builder;
    }
}
