using System.Net;
using EvalSystem.Domain.Notifications;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Http;

/// <summary>
/// The dashboard is rendered statically (docs/adr/009): what it shows comes from its address, a wrong address shows the
/// default view or the service's refusal, the charts download from an endpoint, and the bell works by form posts.
/// </summary>
public sealed class StaticDashboardTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<string> DashboardAsync(string user, string query = "")
    {
        var client = await AppFixture.SignedInAsync(app, user);
        var response = await client.GetAsync("/dashboard" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<Guid> RunIdAsync(string period, ScoreRunStatus status)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        return await (from r in db.ScoreRuns
                      join p in db.Periods on r.PeriodId equals p.Id
                      where p.Name == period && r.Status == status && p.TargetKind == Domain.Organization.TargetKind.Region
                      select r.Id).FirstAsync();
    }

    [Fact]
    public async Task TheDashboard_IsServedWithoutAnInteractiveComponent_SoNoCircuitFollows()
    {
        var html = await DashboardAsync("leader");

        Assert.Contains("data-render-mode=\"static\"", html);
        Assert.DoesNotContain("\"type\":\"server\"", html);
        Assert.Contains("地区综合得分排名", html);
    }

    [Fact]
    public async Task ARunInTheAddress_IsTheRunShown_AndTheSelectorMarksIt()
    {
        var q1 = await RunIdAsync("2026年第一季度", ScoreRunStatus.Published);

        var html = await DashboardAsync("leader", $"?run={q1}");

        Assert.Contains("2026年第一季度 · 已发布", html);
        Assert.Contains($"<option value=\"{q1}\" selected", html);
    }

    [Theory]
    [InlineData("?run=not-a-run")]
    [InlineData("?run=%27%3B--")]
    public async Task ARunThatIsNoId_FallsBackToTheNewestPeriod_AndSaysSo(string query)
    {
        var html = await DashboardAsync("leader", query);

        Assert.Contains("链接中的评价周期无法识别，已显示最新的周期。", html);
        Assert.Contains("2026年第二季度 · 已发布", html);
        Assert.Contains("地区综合得分排名", html);
    }

    [Fact]
    public async Task ARunTheLeaderMayNotSee_IsRefusedAsTheServiceRefusesIt_AndIsAudited()
    {
        var unpublished = await RunIdAsync("2026年第三季度", ScoreRunStatus.Computed);

        var refused = await DashboardAsync("leader", $"?run={unpublished}");
        var unknown = await DashboardAsync("leader", $"?run={Guid.NewGuid()}");

        Assert.Contains("该计算批次不存在或尚未发布。", refused);
        Assert.Contains("该计算批次不存在或尚未发布。", unknown);
        Assert.DoesNotContain("地区综合得分排名", refused);
        Assert.Contains("data-testid=\"dashboard-run\"", refused); // another period can still be chosen
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityKey == unpublished.ToString()));
    }

    [Fact]
    public async Task TheOffice_SeesTheUnpublishedRunItMayChoose()
    {
        var unpublished = await RunIdAsync("2026年第三季度", ScoreRunStatus.Computed);

        var html = await DashboardAsync("office", $"?run={unpublished}");

        Assert.Contains("未发布（仅评估办可见）", html);
    }

    [Theory]
    [InlineData("?radar=%E4%B8%AD%E5%BF%83%E5%8C%BA", "中心区 与全市平均")] // 中心区
    [InlineData("?radar=%E4%B8%8D%E5%AD%98%E5%9C%A8", "石桥县 与全市平均")] // 不存在: the default, the last of the ranking
    [InlineData("?radar=", "石桥县 与全市平均")]
    [InlineData("?radar=%3Cscript%3E", "石桥县 与全市平均")]
    public async Task TheRadarRegion_ComesFromTheAddress_AndAnUnknownOneShowsTheDefault(string query, string title)
    {
        var html = await DashboardAsync("leader", query);

        Assert.Contains(title, html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task UnknownTablesAndTrendRegions_AreIgnored()
    {
        var html = await DashboardAsync("leader", "?table=nonsense&table=radar&trend=%E4%B8%8D%E5%AD%98%E5%9C%A8");

        Assert.Contains("data-testid=\"chart-table\"", html); // the radar's
        Assert.Contains("趋势图中的地区：北山区", html); // the default trend: the top three and the last
    }

    [Fact]
    public async Task AChart_DownloadsAsPngOrSvg_ForTheViewsChoices()
    {
        var client = await AppFixture.SignedInAsync(app, "leader");

        var png = await client.GetAsync("/files/dashboard/radar.png?radar=%E4%B8%AD%E5%BF%83%E5%8C%BA");
        var svg = await client.GetAsync("/files/dashboard/trend.svg");
        var unknown = await client.GetAsync("/files/dashboard/pie.png");
        var refused = await client.GetAsync($"/files/dashboard/radar.png?run={await RunIdAsync("2026年第三季度", ScoreRunStatus.Computed)}");

        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal("一级指标雷达图.png", png.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync()).Take(4));
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task TheBell_ShowsTheUnreadCount_AndOpeningANotificationMarksItRead_AndFollowsItsLink()
    {
        Guid id;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("dept-amr");
            var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
            var notification = new Notification(user!.Id, NotificationKind.SubmissionReturned, "东城区 开办企业环节 被退回", "请核对", "/submissions", DateTime.UtcNow);
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
            id = notification.Id;
        }
        var client = await AppFixture.SignedInAsync(app, "dept-amr");
        var html = await client.GetStringAsync("/dashboard");
        Assert.Contains("data-testid=\"notification-bell\"", html);
        Assert.Contains("东城区 开办企业环节 被退回", html);

        var response = await client.PostAsync("/notifications/open", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFixture.AntiforgeryTokenOf(html),
            ["id"] = id.ToString(),
        }));
        var withoutToken = await client.PostAsync("/notifications/read-all", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/dashboard" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/submissions", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        using var check = app.Factory.Services.CreateScope();
        Assert.NotNull((await check.ServiceProvider.GetRequiredService<EvalDbContext>().Notifications.SingleAsync(n => n.Id == id)).ReadAtUtc);
    }

    [Fact]
    public async Task MarkAllRead_ReturnsToTheLocalPageItCameFrom_NeverElsewhere()
    {
        var client = await AppFixture.SignedInAsync(app, "office");
        var token = AppFixture.AntiforgeryTokenOf(await client.GetStringAsync("/dashboard"));

        async Task<string> PostAsync(string returnUrl) => (await client.PostAsync("/notifications/read-all", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = returnUrl }))).Headers.Location!.OriginalString;

        Assert.Equal("/dashboard?table=radar", await PostAsync("/dashboard?table=radar"));
        Assert.Equal("/", await PostAsync("https://elsewhere.example/"));
        Assert.Equal("/", await PostAsync("//elsewhere.example/"));
    }
}
