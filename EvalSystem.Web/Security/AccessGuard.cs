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
        return await DenyAsync(user, "Policy", policy, "您没有执行此操作的权限。", ct);
    }

    /// <summary>The department a department user acts for; an account without one cannot submit anything.</summary>
    public static Guid RequireDepartment(ClaimsPrincipal user) =>
        user.GetDepartmentId() ?? throw new AccessDeniedException("您的账号没有绑定部门，不能填报。请联系系统管理员。");

    /// <summary>Only the department that owns the data may change it; anyone else is refused and audited.</summary>
    public async Task RequireSameDepartmentAsync(ClaimsPrincipal user, Guid ownerDepartmentId, string entity, string key, string message, CancellationToken ct = default)
    {
        if (user.GetDepartmentId() != ownerDepartmentId)
            await DenyAsync(user, entity, key, message, ct);
    }

    /// <summary>Readers of every period (office, leaders, auditors) read everything; a department only its own data.</summary>
    public async Task RequireReadableAsync(ClaimsPrincipal user, Guid ownerDepartmentId, string entity, string key, string message, CancellationToken ct = default)
    {
        if (!await AllowsAsync(user, Policies.ViewPeriods))
            await RequireSameDepartmentAsync(user, ownerDepartmentId, entity, key, message, ct);
    }

    /// <summary>Refuses access to something that is not the user's (e.g. another user's notification); audited.</summary>
    public async Task RefuseAsync(ClaimsPrincipal user, string entity, string key, string message, CancellationToken ct = default) =>
        await DenyAsync(user, entity, key, message, ct);

    /// <summary>Audits a refused access, then refuses it with a message the user can act on.</summary>
    private async Task<ClaimsPrincipal> DenyAsync(ClaimsPrincipal user, string entity, string key, string message, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime,
            actor.UserId ?? user.FindFirstValue(ClaimTypes.NameIdentifier),
            actor.UserId is null ? user.Identity?.Name : actor.UserName,
            actor.IpAddress, AuditActions.AccessDenied, entity, key, null, null));
        await db.SaveChangesAsync(ct);
        throw new AccessDeniedException(message);
    }
}
