namespace EvalSystem.Domain.Auditing;

/// <summary>
/// 审计日志: who did what, when, from where, with the values before and after.
/// Append-only: the type has no way to change an entry once written.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { Action = EntityType = EntityKey = string.Empty; }

    public AuditEntry(DateTime atUtc, string? userId, string? userName, string? ipAddress,
        string action, string entityType, string entityKey, string? beforeJson, string? afterJson)
    {
        AtUtc = atUtc;
        UserId = userId;
        UserName = userName;
        IpAddress = ipAddress;
        Action = action;
        EntityType = entityType;
        EntityKey = entityKey;
        BeforeJson = beforeJson;
        AfterJson = afterJson;
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? IpAddress { get; private set; }
    /// <summary>Insert, Update, Delete, or a named action such as LoginFailed.</summary>
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public string EntityKey { get; private set; }
    public string? BeforeJson { get; private set; }
    public string? AfterJson { get; private set; }
}

public static class AuditActions
{
    public const string Insert = "Insert";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string LoginSucceeded = "LoginSucceeded";
    public const string LoginFailed = "LoginFailed";
    public const string LockedOut = "LockedOut";
    public const string AccessDenied = "AccessDenied";
    /// <summary>A call to the integration API with a missing, unknown or revoked key; only the key's prefix is recorded.</summary>
    public const string ApiKeyRejected = "ApiKeyRejected";
}
