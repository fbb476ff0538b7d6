using EvalSystem.Web.Data.Seed;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Data;

/// <summary>
/// Brings the database to a usable state at start-up: migrates (SQLite always, SQL Server only
/// when configured), checks the schema is current, creates the roles and seeds the demo city.
/// Every failure becomes a <see cref="StartupException"/> that says what to fix.
/// </summary>
public sealed class DatabaseInitializer(
    DatabaseSettings settings,
    IDbContextFactory<EvalDbContext> dbFactory,
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IConfiguration configuration,
    DemoCitySeeder seeder,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
            EnsureSqliteFolderWritable(settings.ConnectionString);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await EnsureReachableAsync(db, ct);
            if (settings.Provider == DatabaseProvider.Sqlite || settings.MigrateOnStartup)
            {
                logger.LogInformation("正在迁移数据库（{Provider}）。 Applying migrations.", settings.Provider);
                await db.Database.MigrateAsync(ct);
            }
            else
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0)
                    throw new StartupException(
                        $"数据库结构不是最新版本（缺少{pending.Count}个迁移，最早为 {pending[0]}）：请按 docs/operations.md 执行迁移脚本，或设置 Database:MigrateOnStartup=true。 " +
                        "The database schema is out of date; run the migration script from docs/operations.md or set Database:MigrateOnStartup=true.");
            }
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await Features.CaseData.WorkingCalendarService.EnsureOfficialYearsAsync(db, ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
        if (settings.SeedDemoData)
            await seeder.SeedAsync(ct);
        await EnsureFirstAdministratorAsync();
    }

    /// <summary>
    /// There is no self-registration, so a production database needs its first administrator from configuration
    /// (Bootstrap:AdminUserName and Bootstrap:AdminPassword, e.g. environment variables for the first start only).
    /// </summary>
    private async Task EnsureFirstAdministratorAsync()
    {
        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
            return;
        var admin = new ApplicationUser { UserName = userName, DisplayName = "系统管理员" };
        var result = await users.CreateAsync(admin, password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(admin, Roles.Admin);
        if (!result.Succeeded)
            throw new StartupException(
                $"无法创建初始管理员「{userName}」：{string.Join("；", result.Errors.Select(e => e.Description))}。请检查 Bootstrap:AdminPassword（至少8位，含大小写字母、数字和符号）。 " +
                "Cannot create the first administrator; check Bootstrap:AdminPassword.");
        logger.LogInformation("已创建初始管理员 {UserName}。 First administrator created.", userName);
    }

    private async Task EnsureReachableAsync(EvalDbContext db, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
            return;
        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "CanConnect failed");
            reachable = false;
        }
        if (!reachable)
            throw new StartupException(
                "无法连接 SQL Server 数据库：请检查 ConnectionStrings:EvalDb 中的服务器地址、数据库名、账号密码以及网络是否可达。 " +
                "Cannot reach the SQL Server database; check ConnectionStrings:EvalDb and the network.");
    }

    internal static void EnsureSqliteFolderWritable(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (file == ":memory:")
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"数据目录 {folder} 不可写：请确认该目录存在且运行账号有写权限，或用 ConnectionStrings:EvalDb 指定其他位置。 " +
                $"The data folder {folder} is not writable; grant write access or point ConnectionStrings:EvalDb elsewhere.", ex);
        }
    }
}

public static class DatabaseInitializerExtensions
{
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        // Uploads cut off by a crash or a restart leave a partial temporary file behind; nobody will finish them.
        var removed = app.Services.GetRequiredService<Features.EvidenceFiles.EvidenceStore>().RemoveAbandonedUploads(TimeSpan.FromHours(1));
        if (removed > 0)
            app.Logger.LogInformation("Removed {Count} abandoned evidence upload file(s).", removed);
    }
}
