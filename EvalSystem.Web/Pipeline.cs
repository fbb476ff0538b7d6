using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EvalSystem.Web.Api;
using EvalSystem.Web.Components;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Supervision;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace EvalSystem.Web;

internal static class Pipeline
{
    private static readonly JsonSerializerOptions HealthJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static WebApplication UseEvalPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseMiddleware<AuditActorMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapFileEndpoints();
        app.MapRankingEndpoints();
        app.MapDashboardEndpoints();
        app.MapNotificationEndpoints();
        app.MapSupervisionEndpoints();
        app.MapReportEndpoints();
        app.MapApiV1();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJson));
    }

    private static void PrintWelcome(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        foreach (var url in app.Urls)
            Console.WriteLine($"营商环境督查与考核评估系统已启动 / EvalSystem is running: {url}  (数据库 {settings.Provider})");
        if (settings.SeedDemoData)
            Console.WriteLine($"演示账号 / demo accounts: office, leader, auditor, admin, dept-amr …  密码 / password: {Data.Seed.DemoCitySeeder.DemoPassword}");
    }
}
