using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Integration;

/// <summary>What an API client may do through <c>/api/v1</c>; a key carries one or more scopes.</summary>
public static class ApiScopes
{
    /// <summary>办件数据写入: push administrative cases (一网通办).</summary>
    public const string CasesWrite = "cases:write";

    /// <summary>好差评写入: push service ratings (好差评).</summary>
    public const string RatingsWrite = "ratings:write";

    public static readonly IReadOnlyList<string> All = [CasesWrite, RatingsWrite];

    /// <summary>The name administrators see.</summary>
    public static string Label(string scope) => scope switch
    {
        CasesWrite => "办件数据写入",
        RatingsWrite => "好差评写入",
        _ => scope,
    };
}

/// <summary>
/// 接口客户端: a platform system that calls our integration API (e.g. 一网通办平台) with its own key.
/// Only a SHA-256 hash of the key is kept (see docs/adr/005-api-key-hashing.md); the key itself is
/// returned once by <see cref="Issue"/> and never again.
/// </summary>
public sealed class ApiClient
{
    public const int MaxNameLength = 100;
    public const int KeyPrefixLength = 8;
    public const string KeyMarker = "esk_";

    private ApiClient() { Name = KeyPrefix = KeyHash = CreatedBy = string.Empty; Scopes = new SortedSet<string>(StringComparer.Ordinal); }

    private ApiClient(string name, IEnumerable<string>? scopes, string key, UserRef createdBy, DateTime nowUtc)
    {
        Name = Guard.Required(name, "接口客户端名称", MaxNameLength);
        var chosen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes ?? [])
        {
            if (!ApiScopes.All.Contains(scope))
                throw new DomainException($"未知的接口权限「{scope}」，可选：{string.Join("、", ApiScopes.All.Select(ApiScopes.Label))}。");
            chosen.Add(scope);
        }
        if (chosen.Count == 0)
            throw new DomainException("请至少选择一项接口权限。");
        ArgumentNullException.ThrowIfNull(createdBy);
        Id = Guid.CreateVersion7();
        Scopes = chosen;
        KeyPrefix = key[..KeyPrefixLength];
        KeyHash = HashKey(key);
        CreatedBy = createdBy.UserName;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    /// <summary>The scopes granted (see <see cref="ApiScopes"/>), in ordinal order.</summary>
    public IReadOnlySet<string> Scopes { get; private set; }
    /// <summary>The first characters of the key ("esk_" and four more): tells keys apart in lists; not unique, not a secret.</summary>
    public string KeyPrefix { get; private set; }
    /// <summary>SHA-256 of the whole key, lower-case hex.</summary>
    public string KeyHash { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTime? LastUsedAtUtc { get; private set; }
    public bool IsRevoked => RevokedAtUtc is not null;

    /// <summary>
    /// Registers a client with a new key: "esk_" and 32 random bytes in base64url (256 bits). The key is in the
    /// result and nowhere else; lose it and the client needs a new one.
    /// </summary>
    public static (ApiClient Client, string Key) Issue(string name, IEnumerable<string>? scopes, UserRef createdBy, DateTime nowUtc)
    {
        var key = KeyMarker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (new ApiClient(name, scopes, key, createdBy, nowUtc), key);
    }

    /// <summary>SHA-256 of a presented key, lower-case hex: what <see cref="KeyHash"/> is compared with.</summary>
    public static string HashKey(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key ?? throw new ArgumentNullException(nameof(key)))));

    /// <summary>The prefix of a presented key as it may be written to the audit trail (never more of it).</summary>
    public static string PrefixOf(string? key) =>
        string.IsNullOrEmpty(key) ? "" : key.Length <= KeyPrefixLength ? key : key[..KeyPrefixLength];

    public bool HasScope(string scope) => Scopes.Contains(scope);

    /// <summary>吊销: the key stops working at once; a revoked client stays listed for the audit trail.</summary>
    public void Revoke(UserRef by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (IsRevoked)
            throw new DomainException($"接口密钥「{Name}」（{KeyPrefix}…）已于{RevokedAtUtc:yyyy-MM-dd HH:mm}（UTC）被{RevokedBy}吊销，不能重复吊销。");
        RevokedAtUtc = nowUtc;
        RevokedBy = by.UserName;
    }

    /// <summary>
    /// Records a use of the key. Returns whether anything changed: within <paramref name="granularity"/> of the last
    /// recorded use it does not, so a busy client does not cause a write per request.
    /// </summary>
    public bool RecordUse(DateTime nowUtc, TimeSpan granularity)
    {
        if (LastUsedAtUtc is { } last && nowUtc - last < granularity)
            return false;
        LastUsedAtUtc = nowUtc;
        return true;
    }
}
