using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Anxin.Bench;

/// <summary>
/// The application as a child process: <c>dotnet src/Anxin.Web/bin/Release/net10.0/Anxin.Web.dll</c>
/// (built first if missing) on 127.0.0.1 with a free port, configured through environment variables.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Anxin.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from inside the repository (Anxin.slnx not found above " + AppContext.BaseDirectory + ").");
    }

    /// <summary>The Release build of the app; builds it when it is missing (or when <paramref name="rebuild"/>).</summary>
    public static async Task<string> EnsureBuiltAsync(string? explicitDll, bool rebuild)
    {
        if (explicitDll is not null)
        {
            return Path.GetFullPath(explicitDll);
        }

        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "Anxin.Web", "bin", "Release", "net10.0", "Anxin.Web.dll");
        if (rebuild || !File.Exists(dll))
        {
            Console.WriteLine($"building the app in Release: dotnet build src/Anxin.Web -c Release");
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src", "Anxin.Web"), "-c", "Release", "-v", "q", "-nologo"])
            {
                UseShellExecute = false,
            })!;
            await build.WaitForExitAsync();
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet build of the app failed");
            }
        }

        return dll;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <c>dotnet app.dll args</c> to completion (the `migrate` command); throws on a non-zero exit.</summary>
    public static async Task RunToEndAsync(string dll, IDictionary<string, string> settings, params string[] args)
    {
        var info = StartInfo(dll, settings, args);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    public static async Task<AppProcess> StartAsync(string dll, IDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var all = new Dictionary<string, string>(settings) { ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/') };
        var process = Process.Start(StartInfo(dll, all, []))!;
        var app = new AppProcess(process, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} at start:\n{string.Join('\n', app.Output.TakeLast(40))}");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The app did not answer /health in time:\n" + string.Join('\n', app.Output.TakeLast(40)));
    }

    private static ProcessStartInfo StartInfo(string dll, IDictionary<string, string> settings, string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }

    /// <summary>(VmHWM, VmRSS) in MB from /proc/&lt;pid&gt;/status: the peak and the current resident memory.</summary>
    public (double PeakMb, double CurrentMb) Memory()
    {
        try
        {
            double Read(string[] lines, string key) =>
                lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
                    ? double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0
                    : double.NaN;
            var status = File.ReadAllLines($"/proc/{Pid}/status");
            return (Read(status, "VmHWM:"), Read(status, "VmRSS:"));
        }
        catch (IOException)
        {
            return (double.NaN, double.NaN);
        }
    }

    /// <summary>CPU time of the app's threads named <paramref name="thread"/> (e.g. the group-commit writer).</summary>
    public TimeSpan ThreadCpuTime(string thread)
    {
        var total = TimeSpan.Zero;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{Pid}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).Trim() == thread)
                {
                    total += StatCpu(Path.Combine(task, "stat"));
                }
            }
            catch (IOException)
            {
            }
        }

        return total;
    }

    /// <summary>CPU time the app has used so far (user + system), from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime() => StatCpu($"/proc/{Pid}/stat");

    private static TimeSpan StatCpu(string path)
    {
        try
        {
            var stat = File.ReadAllText(path);
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 2000)
            {
                _output.RemoveRange(0, 1000);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
