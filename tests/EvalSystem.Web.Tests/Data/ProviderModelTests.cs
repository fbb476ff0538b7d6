using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace EvalSystem.Web.Tests.Data;

/// <summary>
/// No SQL Server runs here: its path is checked by the model, the migration set and the
/// idempotent script parsed with Microsoft's own T-SQL parser.
/// </summary>
public class ProviderModelTests
{
    private static EvalDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<EvalDbContext>().UseSqlServer("Server=unused;Database=EvalSystem").Options);

    private static SqliteEvalDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteEvalDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add <Name> --context EvalDbContext");
    }

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --context SqliteEvalDbContext");
    }

    [Fact]
    public void BothMigrationSets_HaveTheSameMigrationNames()
    {
        using var server = SqlServer();
        using var sqlite = Sqlite();
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(server), Names(sqlite));
    }

    [Fact]
    public void SqlServerIdempotentScript_ParsesWithoutErrors()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.Contains("CREATE TABLE [AuditEntries]", script);
        Assert.Contains("CREATE TRIGGER [dbo].[TR_AuditEntries_AppendOnly]", script);
        Assert.Contains("IF NOT EXISTS", script);
    }

    [Theory]
    [InlineData(typeof(EvalSystem.Domain.Cases.ServiceCase), "CaseNumber")]
    [InlineData(typeof(EvalSystem.Domain.Ratings.Rating), "RatingId")]
    public void SqlServerBulkImportStatements_ParseWithoutErrors_AndNeverOverwriteTheId(Type record, string key)
    {
        var statements = (IReadOnlyList<string>)typeof(EvalSystem.Web.Features.CaseData.CaseRecordWriter<>).MakeGenericType(record)
            .GetProperty("SqlServerStatements", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!.GetValue(null)!;

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var sql in statements)
        {
            parser.Parse(new StringReader(sql), out var errors);
            Assert.Empty(errors.Select(e => $"{sql}\nline {e.Line}: {e.Message}"));
        }
        var merge = statements.Single(s => s.Contains("MERGE", StringComparison.Ordinal));
        Assert.Contains($"ON t.{key} = s.{key}", merge);
        Assert.DoesNotContain("t.Id = s.Id", merge);
        Assert.Contains("WITH (HOLDLOCK)", merge);
    }

    [Fact]
    public void SqlServerModel_UsesProviderSpecificTypes()
    {
        using var db = SqlServer();
        var period = db.Model.FindEntityType(typeof(EvaluationPeriod))!;
        Assert.Equal("date", period.FindProperty(nameof(EvaluationPeriod.StartDate))!.GetColumnType());
        var region = db.Model.FindEntityType(typeof(Region))!;
        Assert.Equal("char(6)", region.FindProperty(nameof(Region.Code))!.GetColumnType());
        // SQL Server allows one NULL in a unique index unless it is filtered.
        var targetIndex = db.Model.FindEntityType(typeof(EvaluationTarget))!.GetIndexes().Single(i => i.Properties.Single().Name == nameof(EvaluationTarget.RegionId));
        Assert.Equal("[RegionId] IS NOT NULL", targetIndex.GetFilter());
        Assert.True(db.Model.FindEntityType(typeof(AuditEntry))!.GetDeclaredTriggers().Any(), "EF must know about the trigger to avoid OUTPUT without INTO.");
    }
}
