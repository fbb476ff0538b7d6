using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Integration;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Integration;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Integration;

/// <summary>The integration API over HTTP: who gets in with which key, what the others get back, and what is audited.</summary>
public sealed class ApiKeyAuthenticationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<IssuedApiKey> IssueAsync(string name, params string[] scopes)
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        return await admin.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, scopes);
    }

    private HttpClient ClientWithKey(string? key)
    {
        var client = app.NewClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<List<AuditEntry>> AuditAsync(Func<AuditEntry, bool> match)
    {
        using var scope = app.Factory.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<EvalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.ApiKeyRejected || a.Action == AuditActions.AccessDenied).ToListAsync();
        return entries.Where(match).ToList();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(detailContains, body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ValidKey_WhoAmI_AnswersTheClientNameAndScopes()
    {
        var issued = await IssueAsync("一网通办平台", ApiScopes.RatingsWrite, ApiScopes.CasesWrite);

        var response = await ClientWithKey(issued.Key).GetAsync("/api/v1/whoami");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("一网通办平台", body.GetProperty("name").GetString());
        Assert.Equal([ApiScopes.CasesWrite, ApiScopes.RatingsWrite], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("一网通办平台", await response.Content.ReadAsStringAsync()); // readable, not \u escapes
    }

    [Fact]
    public async Task NoKey_Answers401WithAProblemBody_NotTheLoginPage()
    {
        var response = await ClientWithKey(null).GetAsync("/api/v1/whoami");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "X-Api-Key");
        Assert.Null(response.Headers.Location);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task UnknownKey_Answers401_AndIsAuditedWithItsPrefixOnly()
    {
        var wrong = "esk_" + new string('Z', 43);

        var response = await ClientWithKey(wrong).GetAsync("/api/v1/whoami");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "无效或已被吊销");
        var entry = Assert.Single(await AuditAsync(a => a.Action == AuditActions.ApiKeyRejected && a.EntityKey == "esk_ZZZZ"));
        Assert.Equal("ApiKey", entry.EntityType);
        Assert.Contains("\"Reason\":\"unknown\"", entry.AfterJson);
        Assert.Contains("/api/v1/whoami", entry.AfterJson);
        Assert.DoesNotContain(await AuditAsync(_ => true), a => (a.AfterJson ?? "").Contains("ZZZZZ") || a.EntityKey.Contains("ZZZZZ"));
    }

    [Fact]
    public async Task RevokedKey_Answers401_AndIsAuditedUnderTheClientsName()
    {
        var issued = await IssueAsync("已停用的平台", ApiScopes.CasesWrite);
        var client = ClientWithKey(issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/whoami")).StatusCode);
        await using (var admin = await app.ScopeAsAccountAsync("admin"))
            await admin.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(issued.Client.Id);

        var response = await client.GetAsync("/api/v1/whoami");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "无效或已被吊销");
        var entry = Assert.Single(await AuditAsync(a => a.Action == AuditActions.ApiKeyRejected && a.UserName == "已停用的平台"));
        Assert.Equal(issued.Key[..8], entry.EntityKey);
        Assert.Contains("\"Reason\":\"revoked\"", entry.AfterJson);
        Assert.DoesNotContain(issued.Key, entry.AfterJson);
    }

    [Fact]
    public async Task KeyWithoutTheScope_Answers403_AndIsAudited_WhileAKeyWithItPasses()
    {
        var ratingsOnly = await IssueAsync("好差评系统", ApiScopes.RatingsWrite);
        var cases = await IssueAsync("一网通办（办件）", ApiScopes.CasesWrite);

        var refused = await ClientWithKey(ratingsOnly.Key).GetAsync("/api/v1/cases/ping");
        var allowed = await ClientWithKey(cases.Key).GetAsync("/api/v1/cases/ping");

        await AssertProblemAsync(refused, HttpStatusCode.Forbidden, "办件数据写入（cases:write）");
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        var entry = Assert.Single(await AuditAsync(a => a.Action == AuditActions.AccessDenied && a.UserName == "好差评系统"));
        Assert.Equal($"api:{ratingsOnly.Client.Id}", entry.UserId);
        Assert.Contains(ApiPolicies.CasesWrite, entry.EntityKey);
    }

    [Fact]
    public async Task SuccessfulUse_RecordsLastUse_AtMostOnceAMinute_WithoutAnAuditEntryPerCall()
    {
        var issued = await IssueAsync("使用时间", ApiScopes.CasesWrite);
        var client = ClientWithKey(issued.Key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/whoami")).StatusCode);
        var first = await LastUsedAsync(issued.Client.Id);
        Assert.NotNull(first);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/whoami")).StatusCode);

        Assert.Equal(first, await LastUsedAsync(issued.Client.Id));
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityKey == issued.Client.Id.ToString())); // its creation only
    }

    private async Task<DateTime?> LastUsedAsync(Guid id)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EvalDbContext>().ApiClients.AsNoTracking()
            .Where(c => c.Id == id).Select(c => c.LastUsedAtUtc).SingleAsync();
    }

    [Fact]
    public async Task AnApiKey_CannotOpenABlazorPage()
    {
        var issued = await IssueAsync("想看驾驶舱的平台", ApiScopes.CasesWrite, ApiScopes.RatingsWrite);

        var response = await ClientWithKey(issued.Key).GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AnApiKeyPrincipal_SatisfiesNoPagePolicy()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "api:x"), new Claim(ClaimTypes.Name, "平台"), new Claim(ApiClaims.ClientId, Guid.NewGuid().ToString()),
            new Claim(ApiClaims.Scope, ApiScopes.CasesWrite), new Claim(ApiClaims.Scope, ApiScopes.RatingsWrite),
        ], ApiKeyDefaults.Scheme));
        using var scope = app.Factory.Services.CreateScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();

        foreach (var policy in Policies.Grants.Keys)
            Assert.False((await authorization.AuthorizeAsync(principal, policy)).Succeeded, policy);
        var policies = scope.ServiceProvider.GetRequiredService<IAuthorizationPolicyProvider>();
        Assert.False((await authorization.AuthorizeAsync(principal, (await policies.GetFallbackPolicyAsync())!)).Succeeded, "fallback");
        Assert.False((await authorization.AuthorizeAsync(principal, await policies.GetDefaultPolicyAsync())).Succeeded, "[Authorize]");
        Assert.True((await authorization.AuthorizeAsync(principal, ApiPolicies.CasesWrite)).Succeeded);
    }

    [Fact]
    public async Task ASignedInBrowser_CannotCallTheApiWithItsCookie()
    {
        var browser = await AppFixture.SignedInAsync(app, "admin");

        var response = await browser.GetAsync("/api/v1/whoami");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "X-Api-Key");
    }

    [Fact]
    public async Task UnknownApiPath_AnswersAStatusCode_NotAPage()
    {
        var response = await ClientWithKey(null).GetAsync("/api/v1/no-such-endpoint");

        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void EveryApiV1Endpoint_NeedsAKey_AndNoAntiforgeryToken()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true).ToList();

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/whoami");
        Assert.All(endpoints, e =>
        {
            Assert.Contains(ApiPolicies.Client, e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
            Assert.False(e.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation ?? false, e.DisplayName);
        });
    }

    [Fact]
    public async Task OpenApiDocument_DescribesOnlyTheApi_AndTheKeyHeader()
    {
        var response = await app.NewClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/whoami", paths);
        Assert.Contains("/api/v1/cases/ping", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.Contains("ApiKey", document.RootElement.GetProperty("security")[0].EnumerateObject().Select(p => p.Name));
    }
}
