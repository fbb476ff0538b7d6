using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EvalSystem.Web.Data;

/// <summary>/health: can the app reach its database, and is the schema current?</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = settings.Provider.ToString() };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EvalDbContext>>().CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("数据库不可达 (database unreachable)", data: data);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            data["pendingMigrations"] = pending;
            return pending == 0
                ? HealthCheckResult.Healthy("数据库正常 (database reachable)", data)
                : HealthCheckResult.Degraded("数据库结构不是最新版本 (pending migrations)", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("数据库不可达 (database unreachable)", ex, data);
        }
    }
}
