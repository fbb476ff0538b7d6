using EvalSystem.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Data;

public static class DataRegistration
{
    public const string ConnectionStringName = "EvalDb";

    /// <summary>
    /// Registers the database for the configured provider. Contexts are created per operation from
    /// <see cref="IDbContextFactory{EvalDbContext}"/>; the factory is scoped so that the audit
    /// interceptor knows who is acting.
    /// </summary>
    public static IHostApplicationBuilder AddEvalData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = ParseProvider(options.Provider);
        var connectionString = ResolveConnectionString(provider, builder.Configuration.GetConnectionString(ConnectionStringName), builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(new DatabaseSettings(provider, connectionString, options.MigrateOnStartup,
            options.SeedDemoData ?? builder.Environment.IsDevelopment()));

        builder.Services.AddScoped<AuditInterceptor>();
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddDbContextFactory<SqliteEvalDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()), ServiceLifetime.Scoped);
            builder.Services.AddScoped<IDbContextFactory<EvalDbContext>>(sp =>
                new UpcastFactory<SqliteEvalDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteEvalDbContext>>()));
        }
        else
        {
            builder.Services.AddDbContextFactory<EvalDbContext>((sp, o) => o
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()), ServiceLifetime.Scoped);
        }
        // Identity's stores need a context per request scope.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EvalDbContext>>().CreateDbContext());
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddScoped<Seed.DemoCitySeeder>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    internal static DatabaseProvider ParseProvider(string? value) =>
        Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupException(
                $"配置项 Database:Provider 的值「{value}」无效，应为 Sqlite 或 SqlServer。 " +
                $"Database:Provider '{value}' is not valid; use Sqlite or SqlServer.");

    internal static string ResolveConnectionString(DatabaseProvider provider, string? configured, string contentRoot)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new StartupException(
                    "使用 SQL Server 时必须配置连接字符串 ConnectionStrings:EvalDb。 " +
                    "Database:Provider is SqlServer but ConnectionStrings:EvalDb is missing.")
                : configured;
        }
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? "Data Source=App_Data/evalsystem.db"
            : configured);
        // Relative paths would resolve against the working directory; anchor them at the content root.
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        builder.ForeignKeys = true;
        return builder.ToString();
    }

    private sealed class UpcastFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<EvalDbContext>
        where TContext : EvalDbContext
    {
        public EvalDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<EvalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}

/// <summary>The resolved database configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup, bool SeedDemoData);
