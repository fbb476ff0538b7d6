using EvalSystem.Web;
using EvalSystem.Web.Api;
using EvalSystem.Web.Components;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features;
using EvalSystem.Web.Security;

try
{
    var builder = WebApplication.CreateBuilder(StartupArguments.Apply(args, out var overrides));
    builder.Configuration.AddInMemoryCollection(overrides);
    builder.AddEvalData();
    builder.AddEvalSecurity();
    builder.AddEvalUi();
    builder.AddEvalFeatures();
    builder.AddEvalApi();

    var app = builder.Build();
    // Before the server takes requests: migrate, check the schema, seed. Runs under the test host too.
    await app.InitializeDatabaseAsync();
    app.UseEvalPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupArguments.FindStartupError(ex) is { } startupError)
{
    // A configuration or environment problem: one sentence that says what to fix, no stack trace.
    Console.Error.WriteLine($"EvalSystem 无法启动 / cannot start: {startupError.Message}");
    return 1;
}

public partial class Program;
