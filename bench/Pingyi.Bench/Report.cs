using System.Globalization;
using System.Text;

namespace Pingyi.Bench;

/// <summary>One run as a Markdown block for docs/benchmarks.md.</summary>
public static class Report
{
    public static string Render(BenchOptions options, SetupResult setup, LoadResult r, (int Used, int Ballots) check)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"### {(options.IsPostgres ? "PostgreSQL" : "SQLite")}, {options.Raters} raters{(options.IncludeLink ? ", link opened in every ballot" : "")}");
        s.AppendLine();
        s.AppendLine("| measure | value |");
        s.AppendLine("|---|---|");
        s.AppendLine(c, $"| complete ballots per second | **{r.Ballots / r.WindowSeconds:F0}** ({r.Ballots} in {r.WindowSeconds:F1} s after {options.Warmup} s warm-up) |");
        s.AppendLine(c, $"| complete ballot latency p50 / p90 / p99 / max | {P(r.BallotMs, 50)} / {P(r.BallotMs, 90)} / **{P(r.BallotMs, 99)}** / {Max(r.BallotMs)} ms |");
        s.AppendLine(c, $"| GET ballot page p50 / p99 | {P(r.PageMs, 50)} / {P(r.PageMs, 99)} ms |");
        s.AppendLine(c, $"| POST ballot (reply after the durable commit) p50 / p99 | {P(r.PostMs, 50)} / {P(r.PostMs, 99)} ms |");
        if (r.LinkMs.Length > 0)
        {
            s.AppendLine(c, $"| GET link (code for cookie, 303) p50 / p99 | {P(r.LinkMs, 50)} / {P(r.LinkMs, 99)} ms |");
        }
        s.AppendLine(c, $"| server resident memory peak during load / after | **{r.PeakRssMiB:F0}** / {r.RssAfterMiB:F0} MiB |");
        s.AppendLine(c, $"| CPU in the window: server / driver | {r.ServerCpuSeconds / r.WindowSeconds:F2} / {r.DriverCpuSeconds / r.WindowSeconds:F2} cores |");
        s.AppendLine(c, $"| outcomes | {string.Join(", ", r.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}{(r.RanOutOfCodes ? " (ran out of codes)" : "")} |");
        s.AppendLine(c, $"| acknowledged / codes used / ballots counted by the app | {r.TotalStored} / {check.Used} / {check.Ballots} |");
        s.AppendLine(c, $"| code generation | {string.Join("; ", setup.Generation.Select(g => $"{g.Count} codes in {g.Seconds:F1} s"))} |");
        return s.ToString();
    }

    private static string P(double[] sorted, int percentile) =>
        sorted.Length == 0 ? "-" : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)].ToString("F1", CultureInfo.InvariantCulture);

    private static string Max(double[] sorted) => sorted.Length == 0 ? "-" : sorted[^1].ToString("F1", CultureInfo.InvariantCulture);
}
