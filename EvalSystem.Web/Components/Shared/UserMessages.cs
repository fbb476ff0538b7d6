using EvalSystem.Domain.Common;
using EvalSystem.Domain.Scoring;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Components.Shared;

/// <summary>Which exceptions carry a sentence meant for the user; anything else is a defect and is not shown as is.</summary>
public static class UserMessages
{
    public static string? TryGet(Exception ex) => ex switch
    {
        DomainException or AccessDeniedException or ScoringValidationException => ex.Message,
        _ => null,
    };

    /// <summary>Runs an action; returns the sentence to show when it was refused, or null when it succeeded.</summary>
    public static async Task<string?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex) when (TryGet(ex) is { } message)
        {
            return message;
        }
    }
}
