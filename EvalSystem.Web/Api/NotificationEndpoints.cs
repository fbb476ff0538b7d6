using EvalSystem.Web.Features.Notifications;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace EvalSystem.Web.Api;

/// <summary>
/// The bell of a static page (the dashboard) as form posts: open a notification (mark it read, follow its link) and mark
/// all read. Posts with an antiforgery token, like the sign-out: a link or an image cannot change what a user has read.
/// </summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/notifications/open", async ([FromForm] Guid id, NotificationService notifications, CancellationToken ct) =>
            {
                string? link;
                try
                {
                    // The link comes from the stored notification, never from the form: no open redirect.
                    link = await notifications.MarkReadAsync(id, ct);
                }
                catch (AccessDeniedException ex)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
                }
                return Results.LocalRedirect(IsLocal(link) ? link! : "/");
            })
            .RequireAuthorization(Policies.ReadNotifications);

        app.MapPost("/notifications/read-all", async ([FromForm] string? returnUrl, NotificationService notifications, CancellationToken ct) =>
            {
                await notifications.MarkAllReadAsync(ct);
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .RequireAuthorization(Policies.ReadNotifications);
        return app;
    }

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
