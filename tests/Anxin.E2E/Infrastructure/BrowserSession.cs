using System.Globalization;
using System.Text.RegularExpressions;

namespace Anxin.E2E.Infrastructure;

/// <summary>
/// One test's browser context and page. <see cref="StepAsync"/> saves a numbered full-page
/// screenshot of each key step; a Playwright trace (open with `pwsh playwright.ps1 show-trace`
/// or trace.playwright.dev) is kept next to them.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private int _step;

    private BrowserSession(IBrowserContext context, IPage page, Uri baseAddress, string artifactsDir)
    {
        _context = context;
        Page = page;
        BaseAddress = baseAddress;
        ArtifactsDir = artifactsDir;
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public string ArtifactsDir { get; }

    public static async Task<BrowserSession> StartAsync(IBrowserContext context, Uri baseAddress, string testName)
    {
        var dir = Path.Combine(BrowserEnvironment.ArtifactsRoot,
            $"{testName}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(dir);
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Title = testName });
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, baseAddress, dir);
    }

    /// <summary>An absolute URL on the app under test, for URL assertions.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>A regex matching the app's URL for <paramref name="path"/>, ignoring any query string.</summary>
    public Regex UrlPattern(string path) =>
        new("^" + Regex.Escape(Url(path)) + @"(\?.*)?$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    public async Task StepAsync(string name)
    {
        _step++;
        var file = Path.Combine(ArtifactsDir, $"{_step:D2}-{Safe().Replace(name, "-")}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, "zz-last.png"), FullPage = true });
        }
        catch (PlaywrightException)
        {
            // The page may already be gone; the trace still has everything.
        }

        await _context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(ArtifactsDir, "trace.zip") });
        await _context.CloseAsync();
    }

    [GeneratedRegex(@"[^\w\-]+")]
    private static partial Regex Safe();
}
