using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Pingyi.Bench;

/// <summary>What the raters achieved in the measured window, and in all.</summary>
public sealed record LoadResult(int Ballots, double WindowSeconds, double[] BallotMs, double[] PageMs, double[] PostMs, double[] LinkMs,
    int TotalStored, int Failures, IReadOnlyDictionary<string, int> Outcomes, double ServerCpuSeconds, double DriverCpuSeconds,
    double PeakRssMiB, double RssAfterMiB, bool RanOutOfCodes);

/// <summary>
/// N raters, each a loop: take the next unused code, and as a phone would, GET the ballot page (the
/// code already traded for the ballot cookie at its link, 303) and POST the answers with the
/// page's antiforgery token, expecting 303 to the receipt. A "complete ballot" is that GET plus
/// that POST; with --link the link's GET is part of every ballot too. Every rater sends its own
/// X-Forwarded-For address (distinct patients, nginx in front), so the 20-codes-a-minute limit
/// per address applies as in production without capping the whole hospital.
/// </summary>
public static partial class LoadRun
{
    private sealed class Rater
    {
        public readonly List<double> BallotMs = new(1 << 16);
        public readonly List<double> PageMs = new(1 << 16);
        public readonly List<double> PostMs = new(1 << 16);
        public readonly List<double> LinkMs = new(1 << 16);
        public int InWindow;
        public int Stored;
        public readonly Dictionary<string, int> Outcomes = [];

        public void Count(string outcome) => Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
    }

    private static readonly string[] Remarks =
    [
        "希望增加停车位。", "护士很耐心，谢谢！", "夜间病房有点吵。", "出院结算排队时间长，建议增加窗口。",
        "饭菜可以再清淡一些。", "医生讲解很清楚。", "卫生间希望多打扫几次。",
    ];

    /// <param name="started">Called as the raters start (after the links were traded), e.g. to start other load alongside.</param>
    public static async Task<LoadResult> RunAsync(AppServer server, SetupResult setup, BenchOptions options, Action? started = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.Raters + 8,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var links = setup.Links;
        var cookies = new string?[links.Count];
        if (!options.IncludeLink)
        {
            // Trade every code for its ballot cookie first, so the measured ballots are exactly "GET page + POST".
            var exchange = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, options.Raters).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < links.Count)
                {
                    cookies[i] = await OpenLinkAsync(http, links[i], i);
                }
            }));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {links.Count} links opened in {exchange.Elapsed.TotalSeconds:F1} s ({links.Count / exchange.Elapsed.TotalSeconds:F0}/s)"));
        }

        var first = (options.IncludeLink ? await OpenLinkAsync(http, links[0], 0) : cookies[0])
            ?? throw new InvalidOperationException("the first code's link was refused");
        var fields = await FieldsAsync(http, first);
        var raters = Enumerable.Range(0, options.Raters).Select(_ => new Rater()).ToArray();
        started?.Invoke();
        var clock = Stopwatch.StartNew();
        var windowStart = TimeSpan.FromSeconds(options.Warmup);
        var windowEnd = windowStart + TimeSpan.FromSeconds(options.Seconds);
        var nextCode = 0; // code 0 was opened above to read the form
        var ranOut = false;
        var serverCpuAtStart = 0.0;
        var driverCpuAtStart = TimeSpan.Zero;
        var cpuTaken = 0;
        var peakRss = 0.0;

        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, server.Memory().Now);
                if (clock.Elapsed >= windowStart && Interlocked.Exchange(ref cpuTaken, 1) == 0)
                {
                    serverCpuAtStart = server.CpuSeconds();
                    driverCpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
                }
                try
                {
                    await Task.Delay(100, stopSampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        double serverCpuWindow = 0, driverCpuWindow = 0;
        var endTaken = 0;
        // CPU of the window, read once: by the first rater finishing after it, or when all are done.
        void TakeWindowCpu()
        {
            if (Interlocked.Exchange(ref endTaken, 1) == 0)
            {
                serverCpuWindow = server.CpuSeconds() - serverCpuAtStart;
                driverCpuWindow = (Process.GetCurrentProcess().TotalProcessorTime - driverCpuAtStart).TotalSeconds;
            }
        }
        await Task.WhenAll(raters.Select((rater, r) => Task.Run(async () =>
        {
            var random = new Random(r);
            var body = new StringBuilder(2048);
            while (clock.Elapsed < windowEnd)
            {
                var i = Interlocked.Increment(ref nextCode);
                if (i >= links.Count)
                {
                    ranOut = true;
                    break;
                }
                var began = clock.Elapsed;
                string? cookie;
                if (options.IncludeLink)
                {
                    cookie = await OpenLinkAsync(http, links[i], i);
                    rater.LinkMs.Add((clock.Elapsed - began).TotalMilliseconds);
                }
                else
                {
                    cookie = cookies[i];
                }
                if (cookie is null)
                {
                    rater.Count("link refused");
                    continue;
                }
                var pageBegan = clock.Elapsed;
                var (page, antiforgery, token) = await PageAsync(http, cookie);
                var pageMs = (clock.Elapsed - pageBegan).TotalMilliseconds;
                if (page != HttpStatusCode.OK || antiforgery is null || token is null)
                {
                    rater.Count($"page {(int)page}");
                    continue;
                }
                var postBegan = clock.Elapsed;
                var outcome = await PostAsync(http, cookie, antiforgery, token, Answers(fields, random, body));
                var done = clock.Elapsed;
                rater.Count(outcome);
                if (outcome != "stored")
                {
                    continue;
                }
                rater.Stored++;
                if (done >= windowStart && done < windowEnd)
                {
                    rater.InWindow++;
                    rater.BallotMs.Add((done - (options.IncludeLink ? began : pageBegan)).TotalMilliseconds);
                    rater.PageMs.Add(pageMs);
                    rater.PostMs.Add((done - postBegan).TotalMilliseconds);
                }
                if (done >= windowEnd)
                {
                    TakeWindowCpu();
                }
            }
        })));
        var window = Math.Min(clock.Elapsed.TotalSeconds, windowEnd.TotalSeconds) - windowStart.TotalSeconds;
        TakeWindowCpu();
        await stopSampling.CancelAsync();
        await sampler;

        var outcomes = raters.SelectMany(r => r.Outcomes).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
        return new LoadResult(
            raters.Sum(r => r.InWindow), window,
            Sorted(raters.SelectMany(r => r.BallotMs)), Sorted(raters.SelectMany(r => r.PageMs)),
            Sorted(raters.SelectMany(r => r.PostMs)), Sorted(raters.SelectMany(r => r.LinkMs)),
            raters.Sum(r => r.Stored), outcomes.Where(o => o.Key != "stored").Sum(o => o.Value), outcomes,
            serverCpuWindow, driverCpuWindow, peakRss, server.Memory().Now, ranOut);
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }

    /// <summary>A private address per code: 10.x.y.z.</summary>
    private static string AddressOf(int i) => string.Create(CultureInfo.InvariantCulture, $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}");

    private static async Task<string?> OpenLinkAsync(HttpClient http, string link, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Add("X-Forwarded-For", AddressOf(i));
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.SeeOther ? Cookie(response, "pingyi.v") : null;
    }

    private static async Task<(HttpStatusCode Status, string? Antiforgery, string? Token)> PageAsync(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/V/Ballot");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var token = BenchSetup.AntiforgeryField().Match(html);
        return (response.StatusCode, Cookie(response, "pingyi.af"), token.Success ? token.Groups[1].Value : null);
    }

    private static async Task<string> PostAsync(HttpClient http, string cookie, string antiforgery, string token, string answers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/V/Ballot")
        {
            Content = new StringContent($"{answers}&__RequestVerificationToken={Uri.EscapeDataString(token)}", Encoding.UTF8,
                "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode switch
        {
            HttpStatusCode.SeeOther when response.Headers.Location?.OriginalString == "/V/Done" => "stored",
            _ when html.Contains("已提交", StringComparison.Ordinal) => "already submitted",
            var status => $"post {(int)status}",
        };
    }

    private static string? Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith(name + "=", StringComparison.Ordinal)).Select(v => v.Split(';')[0]).FirstOrDefault()
            : null;

    /// <summary>The ballot's fields as the page offers them: each radio group with its values, and the text boxes.</summary>
    private static async Task<List<(string Name, string[] Values)>> FieldsAsync(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/V/Ballot");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var radios = Radio().Matches(html).GroupBy(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value))
            .Select(g => (g.Key, g.ToArray()));
        var texts = TextArea().Matches(html).Select(m => (m.Groups[1].Value, Array.Empty<string>()));
        var fields = radios.Concat(texts).ToList();
        if (fields.Count == 0)
        {
            throw new InvalidOperationException("the ballot page offered no fields:\n" + html);
        }
        return fields;
    }

    /// <summary>
    /// A realistic patient: every choice answered, most satisfied, some less so, and one in ten
    /// writes a remark.
    /// </summary>
    private static string Answers(List<(string Name, string[] Values)> fields, Random random, StringBuilder body)
    {
        body.Clear();
        foreach (var (name, values) in fields)
        {
            string value;
            if (values.Length == 0)
            {
                if (random.Next(10) != 0)
                {
                    continue;
                }
                value = Remarks[random.Next(Remarks.Length)];
            }
            else
            {
                var roll = random.Next(100);
                value = values[roll < 55 ? 0 : roll < 85 ? Math.Min(1, values.Length - 1) : random.Next(values.Length)];
            }
            if (body.Length > 0)
            {
                body.Append('&');
            }
            body.Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return body.ToString();
    }

    [GeneratedRegex("<input type=\"radio\" id=\"[^\"]*\" name=\"(q_[^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Radio();

    [GeneratedRegex("<textarea id=\"[^\"]*\" name=\"(q_[^\"]+)\"")]
    private static partial Regex TextArea();
}
