using System.Globalization;

namespace Pingyi.Bench;

/// <summary>
/// The driver's command line. <see cref="Results"/> (<c>--results</c>) selects the Step 5 results
/// benchmark (<see cref="ResultsRun"/>); without it the Step 3 ballot benchmark runs as before.
/// </summary>
public sealed record BenchOptions(string App, string Provider, string? Postgres, int Raters, int Seconds, int Warmup, int Codes,
    int Port, bool IncludeLink, string? Out)
{
    public bool IsPostgres => Provider == "postgres";

    public bool Results { get; init; }

    /// <summary>Ballots generated into the database for the results benchmark (spread evenly over the subjects).</summary>
    public int Ballots { get; init; } = 1_000_000;

    public int Subjects { get; init; } = 1_000;

    public int Viewers { get; init; } = 16;

    /// <summary>The dashboard page the viewers load; <c>{id}</c> stands for the campaign id.</summary>
    public string Dashboard { get; init; } = "/Results/{id}";

    public string DashboardOf(int campaignId) => Dashboard.Replace("{id}", campaignId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static BenchOptions? Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Number(string name, int fallback) =>
            Value(name) is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

        var app = Value("--app");
        var provider = Value("--provider")?.ToLowerInvariant();
        if (app is null || !File.Exists(app) || provider is not ("sqlite" or "postgres"))
        {
            return null;
        }
        var pg = Value("--pg");
        if (provider == "postgres" && string.IsNullOrWhiteSpace(pg))
        {
            return null;
        }
        var dashboard = Value("--dashboard") ?? "/Results/{id}";
        if (!dashboard.StartsWith('/'))
        {
            return null;
        }
        return new BenchOptions(Path.GetFullPath(app), provider, pg, Number("--raters", 64), Number("--seconds", 20), Number("--warmup", 5),
            Math.Min(Number("--codes", 100_000), 1_000_000), Number("--port", 5190), args.Contains("--link"), Value("--out"))
        {
            Results = args.Contains("--results"),
            Ballots = Math.Min(Number("--ballots", 1_000_000), 10_000_000),
            // The campaign plan allows at most 5,000 subjects.
            Subjects = Math.Min(Number("--subjects", 1_000), 5_000),
            Viewers = Math.Min(Number("--viewers", 16), 256),
            Dashboard = dashboard,
        };
    }
}
