using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Data;

/// <summary>
/// Records name their actors by login name (stable, what the audit trail matches on); people read display names such as
/// 评估办 王主任. Looks up the display names of the logins a view shows, in one query; an unknown login (a removed account,
/// "system") is shown as it is stored.
/// </summary>
internal static class UserDisplayNames
{
    public static async Task<Func<string?, string>> ForAsync(EvalDbContext db, IEnumerable<string?> userNames, CancellationToken ct)
    {
        var logins = userNames.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = logins.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => u.UserName != null && logins.Contains(u.UserName))
                .Select(u => new { UserName = u.UserName!, u.DisplayName })
                .ToDictionaryAsync(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal, ct);
        return login => login is null ? ""
            : known.TryGetValue(login, out var display) && !string.IsNullOrWhiteSpace(display) ? display
            : login == "system" ? "系统"
            : login;
    }
}
