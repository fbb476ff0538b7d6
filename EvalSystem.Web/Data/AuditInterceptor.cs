using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EvalSystem.Domain.Auditing;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EvalSystem.Web.Data;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every insert, update and delete in the same transaction as
/// the change itself, and refuses any change to an existing audit entry.
/// </summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
        // An API key's hash: the key is random enough that the hash is not reversible, but it is still what a stolen
        // database would be checked against, and an auditor never needs it (the prefix identifies the key).
        nameof(Domain.Integration.ApiClient.KeyHash),
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        // Auditors read "Published", not 5.
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AppendAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AppendAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AppendAuditEntries(DbContext? context)
    {
        if (context is null)
            return;
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var audit = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("审计日志只能追加，不能修改或删除。");
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Insert,
                EntityState.Modified => AuditActions.Update,
                EntityState.Deleted => AuditActions.Delete,
                _ => null,
            };
            if (action is null)
                continue;
            var changed = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified).ToList()
                : entry.Properties.ToList();
            if (changed.Count == 0)
                continue;
            audit.Add(new AuditEntry(now, actor.UserId, actor.UserName, actor.IpAddress, action,
                entry.Metadata.ShortName(), KeyOf(entry),
                entry.State == EntityState.Added ? null : Serialize(changed, p => p.OriginalValue),
                entry.State == EntityState.Deleted ? null : Serialize(changed, p => p.CurrentValue)));
        }
        context.AddRange(audit);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join("|", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
    }

    private static string Serialize(List<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties)
            values[property.Metadata.Name] = Secret.Contains(property.Metadata.Name) ? "***" : value(property);
        return JsonSerializer.Serialize(values, Json);
    }
}
