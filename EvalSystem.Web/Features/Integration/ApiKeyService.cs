using EvalSystem.Domain.Common;
using EvalSystem.Domain.Integration;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Integration;

/// <summary>An API client as administrators see it; the key itself is never part of it.</summary>
public sealed record ApiClientItem(
    Guid Id,
    string Name,
    IReadOnlyList<string> Scopes,
    string KeyPrefix,
    string CreatedBy,
    DateTime CreatedAtUtc,
    DateTime? LastUsedAtUtc,
    DateTime? RevokedAtUtc,
    string? RevokedBy)
{
    public bool IsRevoked => RevokedAtUtc is not null;

    internal static ApiClientItem Of(ApiClient c) =>
        new(c.Id, c.Name, [.. c.Scopes], c.KeyPrefix, c.CreatedBy, c.CreatedAtUtc, c.LastUsedAtUtc, c.RevokedAtUtc, c.RevokedBy);
}

/// <summary>A new client and its key: the only moment the key exists outside the caller's hands.</summary>
public sealed record IssuedApiKey(ApiClientItem Client, string Key);

/// <summary>接口密钥 use cases: issue a key to a platform system, list the clients, revoke a key (administrators only).</summary>
public sealed class ApiKeyService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    /// <summary>Registers a client; the returned key is shown once and stored only as a hash.</summary>
    public async Task<IssuedApiKey> CreateAsync(string name, IEnumerable<string> scopes, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ManageApiClients, ct);
        var (client, key) = ApiClient.Issue(name, scopes, user.ToUserRef(), clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        return new(ApiClientItem.Of(client), key);
    }

    /// <summary>Every client, the ones still in use first, newest first.</summary>
    public async Task<IReadOnlyList<ApiClientItem>> ListAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageApiClients, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clients = await db.ApiClients.AsNoTracking().ToListAsync(ct);
        return clients.OrderBy(c => c.IsRevoked).ThenByDescending(c => c.CreatedAtUtc).Select(ApiClientItem.Of).ToList();
    }

    /// <summary>Revokes a key at once: its next call is refused.</summary>
    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ManageApiClients, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException("该接口密钥不存在，可能已被删除。请刷新列表。");
        client.Revoke(user.ToUserRef(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
