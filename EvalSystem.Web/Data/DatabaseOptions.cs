namespace EvalSystem.Web.Data;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default) or SqlServer.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>SQL Server only: apply migrations at start-up instead of by script.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Seed the demo city into an empty database (default: true in Development).</summary>
    public bool? SeedDemoData { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>A configuration or environment problem that stops start-up; the message says what to fix.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
