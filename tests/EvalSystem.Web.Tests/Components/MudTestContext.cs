using System.Security.Claims;
using Bunit;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace EvalSystem.Web.Tests.Components;

/// <summary>
/// bUnit with MudBlazor (whose services are only IAsyncDisposable) and the app's real
/// authorization policies, signed in as whoever a test says.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    private readonly TestAuthenticationStateProvider _authentication = new();

    protected MudTestContext() : this(_ => { }) { }

    /// <param name="services">Adds a test's own services (e.g. real feature services); they must be in before the renderer starts.</param>
    protected MudTestContext(Action<IServiceCollection> services)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // bUnit registers placeholders for these; the real ones evaluate the app's real policies.
        Services.AddAuthorizationCore(Policies.Configure);
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationService, DefaultAuthorizationService>());
        Services.Replace(ServiceDescriptor.Transient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>());
        Services.AddSingleton<AuthenticationStateProvider>(_authentication);
        services(Services);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected void SignInAs(string userName, params string[] roles) =>
        _authentication.User = new ClaimsPrincipal(new ClaimsIdentity(
            roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.Name, userName)), "test"));

    /// <summary>Renders a component the way the app does: inside the authentication state and Mud's popover provider.</summary>
    protected IRenderedComponent<CascadingAuthenticationState> RenderSignedIn<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        Render<MudPopoverProvider>();
        return Render<CascadingAuthenticationState>(p => p.AddChildContent<T>(parameters ?? (_ => { })));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }
}
