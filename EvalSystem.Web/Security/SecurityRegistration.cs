using EvalSystem.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace EvalSystem.Web.Security;

public static class SecurityRegistration
{
    public const int MaxFailedLogins = 5;

    public static IHostApplicationBuilder AddEvalSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            });
        authentication.AddIdentityCookies();
        // Only the API policies (ApiPolicies) name this scheme; pages keep authenticating with the cookie.
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "EvalSystem.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Machines calling the API get a status code, never the login page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EvalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<EvalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthorization(o =>
        {
            Policies.Configure(o);
            ApiPolicies.Configure(o);
        });
        services.AddScoped<AuditActor>();
        services.AddScoped<CircuitHandler, AuditActorCircuitHandler>();
        services.AddScoped<LoginService>();
        services.AddScoped<AccessGuard>();
        return builder;
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (ApiProblem.IsApiRequest(context))
        {
            return status == StatusCodes.Status401Unauthorized
                ? ApiProblem.UnauthorizedAsync(context, $"请在请求头 {ApiKeyDefaults.HeaderName} 中提供接口密钥。")
                : ApiProblem.ForbiddenAsync(context, "您没有调用此接口的权限。");
        }
        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
