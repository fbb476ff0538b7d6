using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EvalSystem.Web.Data;

// Used by `dotnet ef` only, to build each provider's model without starting the app.

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<EvalDbContext>
{
    public EvalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EvalDbContext>().UseSqlServer("Server=(design-time);Database=EvalSystem").Options);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEvalDbContext>
{
    public SqliteEvalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEvalDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
