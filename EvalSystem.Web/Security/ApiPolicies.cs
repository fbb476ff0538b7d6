using EvalSystem.Domain.Integration;
using Microsoft.AspNetCore.Authorization;

namespace EvalSystem.Web.Security;

/// <summary>
/// Policies of the integration API (<c>/api/v1</c>). They authenticate with the API-key scheme only, so a browser's
/// sign-in cookie never reaches the API, and an API key never satisfies the pages' policies: its principal has no roles.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Any valid, unrevoked key.</summary>
    public const string Client = "Api:Client";
    public const string CasesWrite = "Api:" + ApiScopes.CasesWrite;
    public const string RatingsWrite = "Api:" + ApiScopes.RatingsWrite;

    private static readonly IReadOnlyDictionary<string, string> Scopes = new Dictionary<string, string>
    {
        [CasesWrite] = ApiScopes.CasesWrite,
        [RatingsWrite] = ApiScopes.RatingsWrite,
    };

    /// <summary>The scope a policy demands, or null for a policy that is not a scope policy.</summary>
    public static string? ScopeOf(string? policy) => policy is not null && Scopes.TryGetValue(policy, out var scope) ? scope : null;

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Client, p => p.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireAuthenticatedUser()
            .RequireClaim(ApiClaims.ClientId));
        foreach (var (policy, scope) in Scopes)
            options.AddPolicy(policy, p => p.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireAuthenticatedUser()
                .RequireClaim(ApiClaims.ClientId).RequireClaim(ApiClaims.Scope, scope));
    }
}
