using Microsoft.AspNetCore.Identity;

namespace EvalSystem.Web.Data;

/// <summary>A person who signs in. A department user (部门填报员) is bound to exactly one department.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
    public Guid? DepartmentId { get; set; }
}
