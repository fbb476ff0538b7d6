using System.Net;
using System.Security.Claims;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using EvalSystem.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EvalSystem.Web.Tests.Http;

/// <summary>One seeded app for a test class; each test signs in with its own client.</summary>
public sealed partial class AppFixture : IAsyncLifetime
{
    public AppFixture() => Factory = new();

    /// <param name="services">A test's own services, added after the app's. Internal: xUnit wants one public constructor on a fixture.</param>
    internal AppFixture(Action<IServiceCollection> services) => Factory = new(services);

    public EvalAppFactory Factory { get; }

    public Task InitializeAsync()
    {
        _ = Factory.Server; // start: migrate and seed
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A service scope acting as a signed-in user, as a Blazor circuit would.</summary>
    public AsyncServiceScope ScopeAs(string userName, string role, Guid? departmentId = null) => ScopeAs(userName, userName, role, departmentId);

    /// <summary>A service scope acting as one of the seeded accounts, with its real user id, role and department.</summary>
    public async Task<AsyncServiceScope> ScopeAsAccountAsync(string userName)
    {
        using var lookup = Factory.Services.CreateScope();
        var users = lookup.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<EvalSystem.Web.Data.ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No seeded account {userName}.");
        var role = (await users.GetRolesAsync(user)).Single();
        return ScopeAs(user.Id, userName, role, user.DepartmentId);
    }

    private AsyncServiceScope ScopeAs(string userId, string userName, string role, Guid? departmentId)
    {
        var scope = Factory.Services.CreateAsyncScope();
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, userName), new(ClaimTypes.Role, role)];
        if (departmentId is { } department)
            claims.Add(new Claim(EvalClaims.DepartmentId, department.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        scope.ServiceProvider.GetRequiredService<AuditActor>().Set(principal, "127.0.0.1");
        return scope;
    }

    public HttpClient NewClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the login form as a browser would, antiforgery token included.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = AntiforgeryTokenOf(await client.GetStringAsync("/account/login"));
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<HttpClient> SignedInAsync(AppFixture app, string userName)
    {
        var client = app.NewClient();
        var response = await PostLoginAsync(client, userName, "Eval@2026");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string AntiforgeryTokenOf(string html)
    {
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "a form must carry an antiforgery token");
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
