using EvalSystem.Web.Data;

namespace EvalSystem.Web;

internal static class StartupArguments
{
    public const string SeedDemo = "--seed-demo";

    /// <summary>Turns the app's own switches into configuration and returns the remaining arguments.</summary>
    public static string[] Apply(string[] args, out Dictionary<string, string?> overrides)
    {
        overrides = [];
        if (args.Contains(SeedDemo))
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.SeedDemoData)}"] = "true";
        return [.. args.Where(a => a != SeedDemo)];
    }

    public static StartupException? FindStartupError(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is StartupException startup)
                return startup;
            if (ex is AggregateException { InnerExceptions.Count: 1 } aggregate)
                return FindStartupError(aggregate.InnerExceptions[0]);
        }
        return null;
    }
}
