using System.Globalization;

namespace Pingyi.Bench;

/// <summary>The driver's command line.</summary>
public sealed record BenchOptions(string App, string Provider, string? Postgres, int Raters, int Seconds, int Warmup, int Codes,
    int Port, bool IncludeLink, string? Out)
{
    public bool IsPostgres => Provider == "postgres";

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
        return new BenchOptions(Path.GetFullPath(app), provider, pg, Number("--raters", 64), Number("--seconds", 20), Number("--warmup", 5),
            Math.Min(Number("--codes", 100_000), 1_000_000), Number("--port", 5190), args.Contains("--link"), Value("--out"));
    }
}
