namespace Anxin.E2E.Infrastructure;

/// <summary>Where the browser lives, how it is launched, and what happens when it is absent.</summary>
public static class BrowserEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The flags of ARCHITECTURE.md "Running the real parts".</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    public static bool IsCi => Flag("CI");

    /// <summary>CI, or a developer who wants a missing browser to fail rather than skip.</summary>
    public static bool RequireBrowser => IsCi || Flag("ANXIN_REQUIRE_BROWSER");

    /// <summary>Screenshots and traces go here, never into the repository.</summary>
    public static string ArtifactsRoot =>
        Environment.GetEnvironmentVariable("ANXIN_E2E_ARTIFACTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "anxin-e2e");

    /// <summary>
    /// Skips (visibly) when Chromium is not installed on a developer machine; fails when
    /// CI=true or ANXIN_REQUIRE_BROWSER=true. Call at the top of a [SkippableFact].
    /// </summary>
    public static void EnsureChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        if (RequireBrowser)
        {
            throw new InvalidOperationException(
                $"Chromium is required (CI=true or ANXIN_REQUIRE_BROWSER=true) but {ChromiumPath} does not exist. Install Debian's 'chromium' package.");
        }

        Skip.If(true, $"Browser tests skipped: {ChromiumPath} not found. Install it with 'apt-get install chromium fonts-noto-cjk' (set ANXIN_REQUIRE_BROWSER=true to make this a failure).");
    }

    private static bool Flag(string name) =>
        string.Equals(Environment.GetEnvironmentVariable(name), "true", StringComparison.OrdinalIgnoreCase);
}
