using EvalSystem.Domain.Auditing;
using EvalSystem.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace EvalSystem.Web.Security;

public enum LoginOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record LoginResult(LoginOutcome Outcome, string? Message);

/// <summary>Password sign-in with lockout; every attempt is audited.</summary>
public sealed class LoginService(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, EvalDbContext db, AuditActor actor, TimeProvider clock)
{
    public async Task<LoginResult> SignInAsync(string userName, string password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            await AuditAsync(AuditActions.LoginFailed, userName, null);
            return new(LoginOutcome.Failed, "用户名或密码错误。");
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditAsync(AuditActions.LoginSucceeded, user.UserName, user.Id);
            return new(LoginOutcome.Succeeded, null);
        }
        if (result.IsLockedOut)
        {
            await AuditAsync(AuditActions.LockedOut, user.UserName, user.Id);
            return new(LoginOutcome.LockedOut, "登录失败次数过多，账号已锁定15分钟，请稍后再试或联系系统管理员。");
        }
        await AuditAsync(AuditActions.LoginFailed, user.UserName, user.Id);
        var left = SecurityRegistration.MaxFailedLogins - await users.GetAccessFailedCountAsync(user);
        return new(LoginOutcome.Failed, $"用户名或密码错误。再失败{left}次账号将被锁定。");
    }

    private async Task AuditAsync(string action, string? userName, string? userId)
    {
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, userId, userName, actor.IpAddress,
            action, "Account", userName ?? "", null, null));
        await db.SaveChangesAsync();
    }
}
