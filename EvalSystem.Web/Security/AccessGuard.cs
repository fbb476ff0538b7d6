using System.Security.Claims;
using EvalSystem.Domain.Auditing;
using EvalSystem.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Security;

/// <summary>Refused by the server: the user lacks the capability. The message is shown as is.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>
/// The server-side check every feature service starts with: the current user must hold the
/// capability. A refusal is audited before it is reported.
/// </summary>
public sealed class AccessGuard(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    IDbContextFactory<EvalDbContext> dbFactory,
    AuditActor actor,
    IHttpContextAccessor http,
    TimeProvider clock)
{
    /// <summary>
    /// The user of a Blazor circuit comes from its authentication state; a plain HTTP endpoint (a download)
    /// has no circuit, so its user comes from the request.
    /// </summary>
    private async Task<ClaimsPrincipal> CurrentUserAsync()
    {
        try
        {
            return (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException) when (http.HttpContext is { } context)
        {
            return context.User;
        }
    }

    /// <summary>Whether the current user also holds <paramref name="policy"/> (to widen a view, never to gate an action).</summary>
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;

    public async Task<ClaimsPrincipal> RequireAsync(string policy, CancellationToken ct = default)
    {
        var user = await CurrentUserAsync();
        if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
            return user;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.UserName, actor.IpAddress,
            AuditActions.AccessDenied, "Policy", policy, null, null));
        await db.SaveChangesAsync(ct);
        throw new AccessDeniedException("您没有执行此操作的权限。");
    }
}
