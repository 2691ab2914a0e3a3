using System.Globalization;
using System.Text;

namespace Pingyi.Bench;

/// <summary>One results benchmark run as a Markdown block for docs/benchmarks.md, with the targets beside the figures.</summary>
public static class ResultsReport
{
    public static string Render(BenchOptions options, string path, ResultsMeasure m)
    {
        var c = CultureInfo.InvariantCulture;
        var postgres = options.IsPostgres;
        var s = new StringBuilder();
        s.AppendLine(c, $"### Results, {(postgres ? "PostgreSQL" : "SQLite")}: {m.Generation.Ballots:N0} ballots, {m.Campaign.Cells.Count:N0} subjects, {options.Viewers} viewers of `{path}`, {options.Raters} raters");
        s.AppendLine();
        s.AppendLine("| measure | value | target |");
        s.AppendLine("|---|---|---|");
        s.AppendLine(c, $"| full recomputation (`recount`), first / second | **{m.Recounts[0].Recount:F2}** / {m.Recounts[1].Recount:F2} s (whole command {m.Recounts[0].Process:F1} / {m.Recounts[1].Process:F1} s) | ≤ {(postgres ? 1 : 3)} s |");
        s.AppendLine(c, $"| first dashboard view after the process start | **{m.FirstViewMs / 1000:F2} s** (the next view {m.SecondView.Ms:F0} ms, {m.SecondView.Bytes:N0} bytes) | |");
        s.AppendLine(c, $"| dashboard p50 / p95 / p99, viewers alone | {P(m.ViewersAlone.Ms, 50)} / **{P(m.ViewersAlone.Ms, 95)}** / {P(m.ViewersAlone.Ms, 99)} ms, {m.ViewersAlone.PerSecond:F0} views/s | p95 ≤ 100 ms |");
        s.AppendLine(c, $"| dashboard p50 / p95 / p99, while raters vote | {P(m.ViewersWithRaters.Ms, 50)} / **{P(m.ViewersWithRaters.Ms, 95)}** / {P(m.ViewersWithRaters.Ms, 99)} ms, {m.ViewersWithRaters.PerSecond:F0} views/s | p95 ≤ 100 ms |");
        s.AppendLine(c, $"| server CPU per view, viewers alone | {Ratio(m.ViewersAlone.ServerCpuSeconds * 1000, m.ViewersAlone.Ms.Length)} ms ({m.ViewersAlone.ServerCpuSeconds / m.ViewersAlone.WindowSeconds:F2} cores) | |");
        var alone = m.RatersAlone.Ballots / m.RatersAlone.WindowSeconds;
        var watched = m.RatersWithViewers.Ballots / m.RatersWithViewers.WindowSeconds;
        s.AppendLine(c, $"| complete ballots per second, raters alone / with the viewers | {alone:F0} / {watched:F0} | |");
        s.AppendLine(c, $"| throughput with viewers ÷ without | **{(alone > 0 ? watched / alone * 100 : 0):F0} %** | ≥ 80 % |");
        s.AppendLine(c, $"| complete ballot p99, raters alone / with the viewers | {P(m.RatersAlone.BallotMs, 99)} / {P(m.RatersWithViewers.BallotMs, 99)} ms | |");
        s.AppendLine(c, $"| server resident memory peak: viewers alone / raters / raters with viewers | {m.ViewersAlone.PeakRssMiB:F0} / {m.RatersAlone.PeakRssMiB:F0} / {m.RatersWithViewers.PeakRssMiB:F0} MiB | |");
        s.AppendLine(c, $"| failures (viewers alone, with raters; raters alone, with viewers) | {m.ViewersAlone.Failures}, {m.ViewersWithRaters.Failures}; {m.RatersAlone.Failures}, {m.RatersWithViewers.Failures} | 0 |");
        s.AppendLine(c, $"| G2 ballots acknowledged / counted by the app | {m.RatersAlone.TotalStored + m.RatersWithViewers.TotalStored} / {m.G2Counted} | equal |");
        s.AppendLine(c, $"| generation (not a target): ballots / answers / straight-lined | {m.Generation.Ballots:N0} / {m.Generation.Answers:N0} / {m.Generation.StraightLined:N0} in {m.Generation.Seconds:F0} s |  |");
        s.AppendLine(c, $"| setup through the API | {m.Campaign.Seconds:F0} s; {m.Campaign.AssignmentsByApi} of {m.Campaign.Cells.Count + 1} assignments by the API{(m.Campaign.ApiRefusal is null ? "" : ", the rest copied in the database (the API allows 200)")} | |");
        return s.ToString();
    }

    public static string P(double[] sorted, int percentile) =>
        sorted.Length == 0 ? "-" : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)].ToString("F1", CultureInfo.InvariantCulture);

    private static string Ratio(double total, int count) => count == 0 ? "-" : (total / count).ToString("F1", CultureInfo.InvariantCulture);
}
