using System.Security.Claims;
using EvalSystem.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EvalSystem.Web.Security;

public static class EvalClaims
{
    public const string DepartmentId = "eval:department";
    public const string DisplayName = "eval:display-name";

    public static Guid? GetDepartmentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(DepartmentId), out var id) ? id : null;

    public static Domain.Common.UserRef ToUserRef(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.Identity?.Name ?? "");

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds the department binding and display name to the sign-in cookie.</summary>
public sealed class EvalClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(EvalClaims.DisplayName, user.DisplayName));
        if (user.DepartmentId is { } departmentId)
            identity.AddClaim(new Claim(EvalClaims.DepartmentId, departmentId.ToString()));
        return identity;
    }
}
