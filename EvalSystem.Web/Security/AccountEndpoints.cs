using EvalSystem.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace EvalSystem.Web.Security;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with an antiforgery token: a link or an image cannot sign a user out.
        app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
        return app;
    }
}
