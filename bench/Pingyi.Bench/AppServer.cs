using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Pingyi.Bench;

/// <summary>
/// The app under test: a separate process of the published Pingyi.Web, bound to 127.0.0.1, on a
/// fresh database, believing X-Forwarded-For from 127.0.0.1 as if nginx stood in front (so each
/// simulated rater has an address of its own, as real patients do). Production environment and
/// warning-level logs, as deployed.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private Process _process;
    private readonly string _dataDir;
    private readonly string _app;
    private readonly string[] _database;
    private readonly string[] _serverArguments;

    private AppServer(Process process, string dataDir, string app, string[] database, string[] serverArguments, Uri baseAddress, string adminPassword)
    {
        _process = process;
        _dataDir = dataDir;
        _app = app;
        _database = database;
        _serverArguments = serverArguments;
        BaseAddress = baseAddress;
        AdminPassword = adminPassword;
    }

    public const string AdminUser = "bench";

    public Uri BaseAddress { get; }

    public string AdminPassword { get; }

    public int Pid => _process.Id;

    public static async Task<AppServer> StartAsync(BenchOptions options)
    {
        var dataDir = Directory.CreateTempSubdirectory("pingyi-bench-").FullName;
        var database = options.IsPostgres
            ? new[] { "--Database:Provider=Postgres", $"--ConnectionStrings:Pingyi={options.Postgres}" }
            : ["--Database:Provider=Sqlite", $"--Database:DataDirectory={dataDir}", "--Database:File=bench.db"];

        var admin = await RunToEndAsync(options.App, ["create-admin", AdminUser, .. database]);
        var password = admin.Split('\n').Where(l => l.Contains("初始密码", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf('：') + 1)..].Trim()).FirstOrDefault()
            ?? throw new InvalidOperationException("create-admin printed no password:\n" + admin);

        var baseAddress = new Uri($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}");
        string[] serverArguments = [
            "--urls", baseAddress.ToString().TrimEnd('/'),
            "--ForwardedHeaders:KnownProxies:0=127.0.0.1",
            "--Logging:LogLevel:Default=Warning",
            .. database,
        ];
        var process = Launch(options.App, serverArguments);

        var server = new AppServer(process, dataDir, options.App, database, serverArguments, baseAddress, password);
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {process.ExitCode} while starting");
            }
            try
            {
                if ((await probe.GetAsync("/Account/Login")).StatusCode == HttpStatusCode.OK)
                {
                    Console.Error.WriteLine($"  app pid {process.Id} on {baseAddress}");
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        await server.DisposeAsync();
        throw new TimeoutException("the app did not answer within a minute");
    }

    private static Process Launch(string app, IEnumerable<string> arguments)
    {
        var start = Start(app, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The SQLite database file the app uses (the SQLite runs only).</summary>
    public string SqliteFile => Path.Combine(_dataDir, "bench.db");

    /// <summary>Runs a command-line verb of the app on the same database (e.g. <c>recount --campaign 3</c>) and returns what it printed.</summary>
    public Task<string> RunVerbAsync(params string[] arguments) => RunToEndAsync(_app, [.. arguments, .. _database]);

    /// <summary>
    /// Stops the app (gracefully) and starts it again on the same database; the clock returned was
    /// started just before the new process, so the caller can time its first answer from process start.
    /// </summary>
    public async Task<Stopwatch> RestartAsync()
    {
        await StopAsync();
        _process.Dispose();
        var clock = Stopwatch.StartNew();
        _process = Launch(_app, _serverArguments);
        return clock;
    }

    public bool HasExited => _process.HasExited;

    private async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        // SIGTERM: the host stops gracefully and the ballot writer drains its queue.
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            Console.Error.WriteLine("  [app] " + line);
        }
    }

    private static ProcessStartInfo Start(string app, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(app)!, UseShellExecute = false };
        start.ArgumentList.Add(app);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        return start;
    }

    private static async Task<string> RunToEndAsync(string app, IEnumerable<string> arguments)
    {
        var start = Start(app, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed:\n{await output}\n{await error}");
        }
        return await output;
    }

    /// <summary>Resident set size now and at its peak, in MiB, from /proc.</summary>
    public (double Now, double Peak) Memory()
    {
        double now = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                now = Kib(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line) / 1024.0;
            }
        }
        return (now, peak);
    }

    private static long Kib(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>CPU seconds (user + system) the app has used so far.</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
