using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace EvalSystem.Web.Security;

/// <summary>Fills the <see cref="AuditActor"/> of an HTTP request.</summary>
public sealed class AuditActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, AuditActor actor)
    {
        actor.Set(context.User, context.Connection.RemoteIpAddress?.ToString());
        return next(context);
    }
}

/// <summary>
/// Fills the <see cref="AuditActor"/> of a Blazor circuit: the circuit has its own scope, and
/// the remote address is only known while the connection is being set up.
/// </summary>
public sealed class AuditActorCircuitHandler(AuditActor actor, AuthenticationStateProvider authentication, IHttpContextAccessor http) : CircuitHandler
{
    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        actor.Set(state.User, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
    }
}
