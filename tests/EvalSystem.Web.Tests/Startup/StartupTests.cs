using System.Diagnostics;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.CaseData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Startup;

public class StartupTests
{
    [Fact]
    public void UnknownProvider_IsRefusedNamingTheSettingAndTheChoices()
    {
        var ex = Assert.Throws<StartupException>(() => DataRegistration.ParseProvider("Oracle"));
        Assert.Contains("Database:Provider", ex.Message);
        Assert.Contains("Sqlite 或 SqlServer", ex.Message);
    }

    [Fact]
    public void SqlServerWithoutConnectionString_IsRefusedNamingTheSetting()
    {
        var ex = Assert.Throws<StartupException>(() => DataRegistration.ResolveConnectionString(DatabaseProvider.SqlServer, null, "/srv/app"));
        Assert.Contains("ConnectionStrings:EvalDb", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void RectificationDeadlineOutOfRange_IsRefusedAtStartUp_NamingTheSettingAndTheRange(int days)
    {
        var ex = Assert.Throws<StartupException>(() => CaseDataOptions.Check(new CaseDataOptions { RectificationDeadlineWorkingDays = days }));
        Assert.Contains("CaseData:RectificationDeadlineWorkingDays", ex.Message);
        Assert.Contains("1 到 30 个工作日", ex.Message);
        Assert.Contains($"当前为 {days}", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(30)]
    public void RectificationDeadlineInRange_IsAccepted(int days) =>
        CaseDataOptions.Check(new CaseDataOptions { RectificationDeadlineWorkingDays = days }); // throws otherwise

    [Fact]
    public void RelativeSqlitePath_IsAnchoredAtTheContentRoot()
    {
        var resolved = DataRegistration.ResolveConnectionString(DatabaseProvider.Sqlite, "Data Source=App_Data/x.db", "/srv/app");
        Assert.Contains("/srv/app/App_Data/x.db", resolved);
    }

    [Fact]
    public void UnwritableDataFolder_IsRefusedNamingTheFolder()
    {
        // A folder below a regular file can never be created, even by root.
        var file = Path.GetTempFileName();
        try
        {
            var ex = Assert.Throws<StartupException>(() => DatabaseInitializer.EnsureSqliteFolderWritable($"Data Source={file}/App_Data/eval.db"));
            Assert.Contains($"{file}/App_Data", ex.Message);
            Assert.Contains("不可写", ex.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Database:Provider", "SqlServer", "ConnectionStrings:EvalDb")]
    public async Task App_WithBadConfiguration_ExitsWithOneClearSentence(string key, string value, string mentioned)
    {
        var result = await RunAppAsync($"--{key}={value}", "--ConnectionStrings:EvalDb=");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("EvalSystem 无法启动", line);
        Assert.Contains(mentioned, line);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr);
    }

    [Fact]
    public async Task App_WithUnreachableSqlServer_ExitsWithOneClearSentence()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var result = await RunAppAsync("--Database:Provider=SqlServer",
            "--ConnectionStrings:EvalDb=Server=127.0.0.1,1;Database=EvalSystem;User Id=eval;Password=unused;Connect Timeout=3;TrustServerCertificate=True");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("无法连接 SQL Server 数据库", line);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr);
    }

    [Fact]
    public async Task ProductionDatabase_GetsItsFirstAdministratorFromConfiguration()
    {
        await using var factory = new BootstrapFactory();
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();

        var admin = await users.FindByNameAsync("root-admin");

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, EvalSystem.Web.Security.Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, "Str0ng!Passw0rd"));
        Assert.Null(await users.FindByNameAsync("office")); // no demo data outside Development
    }

    private sealed class BootstrapFactory : EvalSystem.Tests.Shared.EvalAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Bootstrap:AdminUserName", "root-admin");
            builder.UseSetting("Bootstrap:AdminPassword", "Str0ng!Passw0rd");
        }
    }

    private static async Task<(int ExitCode, string StdOut, string StdErr)> RunAppAsync(params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "EvalSystem.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
