using System.Security.Claims;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Tests.Data;

/// <summary>A migrated SQLite file of its own, with the audit interceptor acting as a known user.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evalsystem-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(_folder);
        Actor.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Name, "office")], "test")), "10.1.2.3");
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public string Path => System.IO.Path.Combine(_folder, "eval.db");
    public AuditActor Actor { get; } = new();

    public SqliteEvalDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqliteEvalDbContext>()
            .UseSqlite($"Data Source={Path};Foreign Keys=True")
            .AddInterceptors(new AuditInterceptor(Actor, TimeProvider.System))
            .Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
