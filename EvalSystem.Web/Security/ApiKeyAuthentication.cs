using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Integration;
using EvalSystem.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalSystem.Web.Security;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>A busy client updates its "last used" time at most this often.</summary>
    public static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);
}

/// <summary>Claims of an API client's principal. It never carries a role, so no page or feature policy admits it.</summary>
public static class ApiClaims
{
    public const string ClientId = "eval:api-client";
    public const string Scope = "eval:scope";
}

/// <summary>
/// Authenticates calls to <c>/api/*</c> by the <c>X-Api-Key</c> header: the key's SHA-256 is looked up among the
/// unrevoked clients. A missing, unknown or revoked key answers 401 and a key without the scope 403, both with a
/// problem-details body, and both audited with the key's prefix only.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<EvalDbContext> dbFactory,
    AuditActor actor,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Why the request was not authenticated, for the audit trail and the answer; null when it was.</summary>
    private Rejection? _rejection;

    private sealed record Rejection(string Reason, string KeyPrefix, ApiClient? Client);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiProblem.IsApiRequest(Context))
            return AuthenticateResult.NoResult();
        var key = Request.Headers[ApiKeyDefaults.HeaderName].ToString().Trim();
        if (key.Length == 0)
        {
            _rejection = new("missing", "", null);
            return AuthenticateResult.NoResult();
        }
        var hash = ApiClient.HashKey(key);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.KeyHash == hash, Context.RequestAborted);
        if (client is null || client.IsRevoked)
        {
            _rejection = new(client is null ? "unknown" : "revoked", ApiClient.PrefixOf(key), client);
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        await RecordUseAsync(db, client);

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, $"api:{client.Id}"),
            new(ClaimTypes.Name, client.Name),
            new(ApiClaims.ClientId, client.Id.ToString()),
            .. client.Scopes.Select(s => new Claim(ApiClaims.Scope, s)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        // Writes made by this request are attributed to the client in the audit trail.
        actor.Set(principal, Context.Connection.RemoteIpAddress?.ToString());
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>
    /// Last use, at most once a minute per key: a conditional UPDATE outside the audit interceptor, because a use is
    /// bookkeeping, not a change of the client (see docs/adr/005-api-key-hashing.md).
    /// </summary>
    private async Task RecordUseAsync(EvalDbContext db, ApiClient client)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!client.RecordUse(now, ApiKeyDefaults.LastUsedGranularity))
            return;
        var before = now - ApiKeyDefaults.LastUsedGranularity;
        await db.ApiClients
            .Where(c => c.Id == client.Id && (c.LastUsedAtUtc == null || c.LastUsedAtUtc <= before))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAtUtc, now), Context.RequestAborted);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{Scheme.Name} header=\"{ApiKeyDefaults.HeaderName}\"";
        if (_rejection is { } rejection)
        {
            await AuditAsync(AuditActions.ApiKeyRejected, rejection.Client, "ApiKey", rejection.KeyPrefix, rejection.Reason);
            await ApiProblem.UnauthorizedAsync(Context, rejection.Reason == "missing"
                ? $"请在请求头 {ApiKeyDefaults.HeaderName} 中提供系统管理员发放的接口密钥。"
                : "接口密钥无效或已被吊销，请联系系统管理员。");
        }
        else
        {
            await ApiProblem.UnauthorizedAsync(Context, $"请在请求头 {ApiKeyDefaults.HeaderName} 中提供接口密钥。");
        }
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var policies = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct().ToList() ?? [];
        var scopes = policies.Select(ApiPolicies.ScopeOf).OfType<string>().ToList();
        await AuditAsync(AuditActions.AccessDenied, null, "Policy", string.Join(",", policies), null, result.Principal);
        await ApiProblem.ForbiddenAsync(Context, scopes.Count == 0
            ? "该接口密钥无权调用此接口，请联系系统管理员。"
            : $"该接口密钥没有调用此接口所需的权限：{string.Join("、", scopes.Select(s => $"{ApiScopes.Label(s)}（{s}）"))}。请联系系统管理员为密钥授权。");
    }

    /// <summary>Records a refused call: the client if known, the address, the path, and never more of the key than its prefix.</summary>
    private async Task AuditAsync(string action, ApiClient? client, string entity, string key, string? reason, ClaimsPrincipal? principal = null)
    {
        var details = JsonSerializer.Serialize(new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Method"] = Request.Method,
            ["Path"] = Request.Path.Value,
            ["Reason"] = reason,
        });
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime,
            principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? (client is null ? null : $"api:{client.Id}"),
            principal?.Identity?.Name ?? client?.Name,
            Context.Connection.RemoteIpAddress?.ToString(), action, entity, key, null, details));
        await db.SaveChangesAsync(Context.RequestAborted);
    }
}
