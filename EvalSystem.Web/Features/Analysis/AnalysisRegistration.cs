using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvalSystem.Web.Features.Analysis;

public static class AnalysisRegistration
{
    /// <summary>对比分析与得分构成 (/analysis/...). Safe to call more than once.</summary>
    public static IServiceCollection AddEvalAnalysis(this IServiceCollection services)
    {
        services.TryAddScoped<AnalysisQueries>();
        return services;
    }
}
