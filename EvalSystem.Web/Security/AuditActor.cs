using System.Security.Claims;

namespace EvalSystem.Web.Security;

/// <summary>
/// Who is acting in the current scope (an HTTP request or a Blazor circuit), for the audit trail.
/// Filled by <see cref="AuditActorMiddleware"/> or <see cref="AuditActorCircuitHandler"/>;
/// work without a user (seeding, background jobs) is recorded as "system".
/// </summary>
public sealed class AuditActor
{
    public string? UserId { get; private set; }
    public string UserName { get; private set; } = "system";
    public string? IpAddress { get; private set; }

    public void Set(ClaimsPrincipal? user, string? ipAddress)
    {
        if (user?.Identity?.IsAuthenticated == true)
        {
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            UserName = user.Identity.Name ?? UserId ?? "unknown";
        }
        IpAddress = ipAddress ?? IpAddress;
    }
}
