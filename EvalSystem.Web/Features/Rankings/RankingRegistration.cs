namespace EvalSystem.Web.Features.Rankings;

public static class RankingRegistration
{
    /// <summary>The 排名 page's services: the paged ranking and its Excel export.</summary>
    public static IServiceCollection AddRankings(this IServiceCollection services)
    {
        services.AddScoped<RankingQueries>();
        services.AddScoped<RankingExport>();
        return services;
    }
}
