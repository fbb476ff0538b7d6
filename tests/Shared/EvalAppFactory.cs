using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Tests.Shared;

/// <summary>
/// The real application on a temporary SQLite file with the demo city seeded.
/// Each factory gets its own database file, deleted on dispose.
/// </summary>
public class EvalAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalsystem-tests", Guid.NewGuid().ToString("N"));
    private readonly Action<IServiceCollection>? _services;

    public EvalAppFactory() { }

    /// <param name="services">A test's own services, added after the app's (e.g. an extra report kind).</param>
    public EvalAppFactory(Action<IServiceCollection> services) => _services = services;

    public string DatabasePath => Path.Combine(_folder, "eval.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets (MudBlazor's css and js) from the build output.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:EvalDb", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Evidence:Folder", Path.Combine(_folder, "evidence"));
        builder.UseSetting("Reports:StorePath", Path.Combine(_folder, "reports"));
        if (_services is not null)
            builder.ConfigureServices(_services);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the OS is harmless in a temp folder.
            }
        }
    }
}
