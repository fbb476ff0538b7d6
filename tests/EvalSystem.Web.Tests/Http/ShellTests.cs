using System.Net;
using EvalSystem.Domain.Auditing;
using EvalSystem.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Http;

public sealed class ShellTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_ReportsTheDatabase()
    {
        var response = await app.NewClient().GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", body);
        Assert.Contains("\"provider\":\"Sqlite\"", body);
        Assert.Contains("\"pendingMigrations\":0", body);
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToTheLoginPage()
    {
        var response = await app.NewClient().GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task LoginPage_IsChineseInUtf8()
    {
        var html = await app.NewClient().GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("营商环境督查与考核评估系统", html);
        Assert.DoesNotContain("&#x8425;", html); // 营 as an entity
    }

    [Fact]
    public async Task WrongPassword_ShowsAChineseMessage_MovesTheLockoutCounter_AndIsAudited()
    {
        var response = await AppFixture.PostLoginAsync(app.NewClient(), "auditor", "wrong-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误。再失败4次账号将被锁定。", html);
        using var scope = app.Factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("auditor");
        Assert.Equal(1, user!.AccessFailedCount);
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.LoginFailed && a.UserName == "auditor"));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
            await AppFixture.PostLoginAsync(client, "dept-eco", "wrong-password");

        var response = await AppFixture.PostLoginAsync(client, "dept-eco", "Eval@2026");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号已锁定", html);
    }

    [Fact]
    public async Task Leader_SeesTheDashboardWithSeededRegions()
    {
        var client = await AppFixture.SignedInAsync(app, "leader");
        var html = await client.GetStringAsync("/dashboard");

        Assert.Contains("2026年第二季度", html);
        Assert.Contains("地区综合得分排名", html);
        Assert.Contains("中心区", html);
        Assert.Contains("石桥县", html);
        Assert.Contains("开办企业时间", html);
    }

    [Fact]
    public async Task DepartmentUser_CannotOpenSystemAdministration()
    {
        var client = await AppFixture.SignedInAsync(app, "dept-amr");
        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
        var html = await client.GetStringAsync(response.Headers.Location);

        Assert.Contains("您没有访问此页面的权限", html);
        Assert.DoesNotContain("用户、角色、地区、部门", html);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var client = await AppFixture.SignedInAsync(app, "office");
        var token = AppFixture.AntiforgeryTokenOf(await client.GetStringAsync("/dashboard"));

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
