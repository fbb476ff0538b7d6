using System.Runtime;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using EvalSystem.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EvalSystem.Benchmarks;

/// <summary>
/// The server memory a leader's open dashboard costs (docs/performance.md): the real app on Kestrel with the demo city,
/// Debian's chromium opening N browser contexts, and the managed heap read after a full compacting collection. The
/// dashboard is static (docs/adr/009) and opens no circuit: what it costs is whatever its request left behind.
/// <list type="number">
/// <item>control: N signed-in contexts on the sign-in page, which is rendered statically and opens no circuit — this
///   is what the browser contexts themselves cost this process (Playwright's client objects, cookies, sessions);</item>
/// <item>N contexts on the dashboard (static: no circuit);</item>
/// <item>the same N contexts after following the menu to the ranking page (排名), which starts a circuit whose grid holds one page.</item>
/// </list>
/// Per context = (heap with the contexts − heap of the control) / N. BenchmarkDotNet cannot measure this: the cost is the
/// state a live circuit keeps between requests, not allocations of a call.
/// </summary>
internal static class CircuitMemory
{
    public static async Task RunAsync(int contexts)
    {
        using var app = new NoRetainedCircuits();
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });

        // One sign-in, reused by every context, so that the contexts differ only in the page they hold.
        var signedIn = await SignInAsync(browser, baseUrl);
        Console.WriteLine($"// circuit memory: {contexts} browser contexts against {baseUrl}, server GC={GCSettings.IsServerGC}");

        // Warm-up: every page type once, so that JIT, caches and static state are in the baseline, not in the circuits.
        await using (var warm = await OpenAsync(browser, baseUrl, signedIn, 1, "/dashboard"))
        {
            await NavigateToRankingsAsync(warm.Pages);
        }
        var control = await MeasureWithAsync(browser, baseUrl, signedIn, contexts, "/account/login", ranking: false);
        var dashboard = await MeasureWithAsync(browser, baseUrl, signedIn, contexts, "/dashboard", ranking: false);
        var ranking = await MeasureWithAsync(browser, baseUrl, signedIn, contexts, "/dashboard", ranking: true);
        var compare = await MeasureWithAsync(browser, baseUrl, signedIn, contexts, "/analysis/compare", ranking: false);

        Console.WriteLine($"control (sign-in page, no circuit): {Kb(control)} KB heap");
        Console.WriteLine($"idle dashboard (static, no circuit): {Kb(dashboard)} KB heap → {Kb((dashboard - control) / contexts)} KB per dashboard");
        Console.WriteLine($"ranking page open (navigated from the dashboard): {Kb(ranking)} KB heap → {Kb((ranking - control) / contexts)} KB per circuit");
        Console.WriteLine($"a small page (对比分析, nothing chosen): {Kb(compare)} KB heap → {Kb((compare - control) / contexts)} KB per circuit");
    }

    private static string Kb(double bytes) => (bytes / 1024).ToString("0");

    /// <summary>Opens the contexts, lets them settle, reads the heap, and closes them again (their circuits end with them).</summary>
    private static async Task<double> MeasureWithAsync(IBrowser browser, string baseUrl, string state, int contexts, string path, bool ranking)
    {
        await using var open = await OpenAsync(browser, baseUrl, state, contexts, path);
        if (ranking)
            await NavigateToRankingsAsync(open.Pages);
        var heaps = new List<double>();
        for (var i = 0; i < 3; i++)
            heaps.Add(Heap());
        return heaps.Min();
    }

    private static double Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task NavigateToRankingsAsync(IReadOnlyList<IPage> pages)
    {
        foreach (var page in pages)
        {
            // A click on the menu is an enhanced navigation from the static dashboard: the ranking page starts its circuit.
            await page.Locator("[data-testid=nav-menu] a[href='/rankings'], [data-testid=nav-menu] a[href='rankings']").First.ClickAsync();
            await page.Locator("[data-testid=ranking-grid]").WaitForAsync();
            await page.Locator("[data-testid=ranking-grid] tbody tr").First.WaitForAsync();
            await page.Locator("[data-interactive=true]").WaitForAsync();
        }
    }

    private static async Task<string> SignInAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "leader");
        await page.FillAsync("#password", "Eval@2026");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/dashboard");
        var state = await context.StorageStateAsync();
        await context.CloseAsync();
        return state;
    }

    private static async Task<OpenContexts> OpenAsync(IBrowser browser, string baseUrl, string state, int count, string path)
    {
        var open = new OpenContexts();
        for (var i = 0; i < count; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseUrl,
                StorageState = state,
                Locale = "zh-CN",
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            if (path != "/account/login")
                await page.Locator("[data-interactive=true], [data-render-mode=static]").WaitForAsync();
            if (path == "/dashboard")
            {
                await page.Locator("[data-testid=ranking] [data-testid=ranking-name]").First.WaitForAsync();
            }
            open.Add(context, page);
        }
        return open;
    }

    /// <summary>
    /// The app with closed circuits dropped at once: a closed browser context leaves its circuit "disconnected", which
    /// the server would otherwise keep for three minutes for a reconnect and count in the next measurement.
    /// </summary>
    private sealed class NoRetainedCircuits : EvalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<CircuitOptions>(o => o.DisconnectedCircuitMaxRetained = 0));
        }
    }

    private sealed class OpenContexts : IAsyncDisposable
    {
        private readonly List<IBrowserContext> _contexts = [];
        private readonly List<IPage> _pages = [];

        public IReadOnlyList<IPage> Pages => _pages;

        public void Add(IBrowserContext context, IPage page)
        {
            _contexts.Add(context);
            _pages.Add(page);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var context in _contexts)
                await context.CloseAsync();
        }
    }
}
