using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Pingyi.Bench;

/// <summary>What the viewers saw in the measured window: dashboard latencies (sorted), views per second and the server's CPU.</summary>
public sealed record ViewResult(double[] Ms, double WindowSeconds, int Failures, double ServerCpuSeconds, double PeakRssMiB)
{
    public double PerSecond => Ms.Length / WindowSeconds;
}

/// <summary>
/// N administrators, each signed in with a session and an address of their own, each looping
/// GET of the campaign dashboard (the whole page read) with no pause, as people keeping a
/// dashboard open and refreshing it would, only harder. After a warm-up, every view that ends in
/// the window counts; any answer but 200 is a failure.
/// </summary>
public sealed class Viewers : IDisposable
{
    private readonly HttpClient[] _clients;

    private Viewers(HttpClient[] clients) => _clients = clients;

    public static async Task<Viewers> SignInAsync(AppServer server, int count)
    {
        var clients = new HttpClient[count];
        for (var i = 0; i < count; i++)
        {
            clients[i] = await BenchSetup.SignInAsync(server, string.Create(CultureInfo.InvariantCulture, $"10.250.0.{i + 1}"));
        }
        return new Viewers(clients);
    }

    /// <summary>
    /// Time from <paramref name="sinceStart"/> (started with the app's process) to the first 200
    /// of <paramref name="path"/>, asked every 20 ms by the first viewer, whose session outlives
    /// the restart (the app keeps its data-protection keys in the database).
    /// </summary>
    public async Task<double> FirstViewAsync(string path, Stopwatch sinceStart, AppServer server)
    {
        while (sinceStart.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException("the app exited while starting");
            }
            try
            {
                using var response = await _clients[0].GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return sinceStart.Elapsed.TotalMilliseconds;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{path} did not answer 200 within 3 minutes of the start");
    }

    /// <summary>One view, timed, for a quick look (e.g. the second view after the start).</summary>
    public async Task<(HttpStatusCode Status, double Ms, int Bytes)> ViewAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _clients[0].GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, clock.Elapsed.TotalMilliseconds, body.Length);
    }

    public async Task<ViewResult> RunAsync(AppServer server, string path, int warmupSeconds, int seconds)
    {
        var clock = Stopwatch.StartNew();
        var windowStart = TimeSpan.FromSeconds(warmupSeconds);
        var windowEnd = windowStart + TimeSpan.FromSeconds(seconds);
        var failures = 0;
        var peakRss = 0.0;
        double cpuAtStart = 0, cpuAtEnd = 0;
        var sampler = Task.Run(async () =>
        {
            await Task.Delay(windowStart);
            cpuAtStart = server.CpuSeconds();
            while (clock.Elapsed < windowEnd)
            {
                peakRss = Math.Max(peakRss, server.Memory().Now);
                await Task.Delay(100);
            }
            cpuAtEnd = server.CpuSeconds();
        });
        var latencies = await Task.WhenAll(_clients.Select(client => Task.Run(async () =>
        {
            var mine = new List<double>(4096);
            while (clock.Elapsed < windowEnd)
            {
                var began = clock.Elapsed;
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                var done = clock.Elapsed;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    if (Interlocked.Increment(ref failures) == 1)
                    {
                        Console.Error.WriteLine($"  viewer: {path} answered {(int)response.StatusCode}");
                    }
                    await Task.Delay(100);
                    continue;
                }
                if (done >= windowStart && done < windowEnd)
                {
                    mine.Add((done - began).TotalMilliseconds);
                }
            }
            return mine;
        })));
        await sampler;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new ViewResult(all, seconds, failures, cpuAtEnd - cpuAtStart, peakRss);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
