using System.Net;
using Anxin.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.E2E.Infrastructure;

/// <summary>
/// The real application on real Kestrel (http://127.0.0.1:{random port}) over a fresh SQLite
/// file, migrated and seeded with the demo data, plus a headless Chromium driven by Playwright.
/// Use as a class fixture: one app and one browser per test class; every test gets its own
/// browser context through <see cref="NewSessionAsync"/>. Nothing starts until the first session
/// is asked for, so a missing browser skips (or fails in CI) inside the test, visibly.
/// </summary>
public sealed class E2EApp : WebApplicationFactory<Program>
{
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), "anxin-e2e-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public E2EApp()
    {
        // Real sockets, so that a real browser can connect; port 0 lets the OS pick a free one.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address Kestrel actually bound, e.g. http://127.0.0.1:41235 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_sqliteFile};Pooling=False");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("RateLimiting:SignInPerMinute", "100000");
    }

    /// <summary>A fresh browser context (zh-CN, 1366×768) on a new page, with step screenshots.</summary>
    public async Task<BrowserSession> NewSessionAsync(string testName)
    {
        BrowserEnvironment.EnsureChromium();
        await EnsureStartedAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(15_000);
        return await BrowserSession.StartAsync(context, BaseAddress, testName);
    }

    /// <summary>A DbContext outside any request (unrestricted), for arranging and asserting.</summary>
    public async Task<T> WithDbAsync<T>(Func<AnxinDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AnxinDbContext>(), scope.ServiceProvider);
    }

    private async Task EnsureStartedAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                return;
            }

            StartServer(); // migrates and seeds, then Kestrel listens
            BaseAddress = BoundAddress();

            // Never let Playwright fetch a browser: Debian's Chromium is the one we drive.
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserEnvironment.ChromiumPath,
                Headless = true,
                Args = BrowserEnvironment.ChromiumArgs,
            });
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>
    /// Kestrel reports what it bound through IServerAddressesFeature; the factory copies the
    /// same address into ClientOptions.BaseAddress, used as a fallback.
    /// </summary>
    private Uri BoundAddress()
    {
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var bound = addresses?.FirstOrDefault() is { } first ? new Uri(first) : ClientOptions.BaseAddress;
        if (bound.Port == 0 || !bound.IsLoopback)
        {
            throw new InvalidOperationException($"Kestrel did not report a bound loopback address (got {bound}).");
        }

        return bound;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _startLock.Dispose();
        await base.DisposeAsync();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_sqliteFile + suffix);
        }

        GC.SuppressFinalize(this);
    }
}
