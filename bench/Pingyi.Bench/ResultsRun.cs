using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pingyi.Bench;

/// <summary>Everything the results benchmark measured, for <see cref="ResultsReport"/>.</summary>
public sealed record ResultsMeasure(ResultsCampaign Campaign, Generation Generation, IReadOnlyList<(double Recount, double Process)> Recounts,
    double FirstViewMs, (double Ms, int Bytes) SecondView, ViewResult ViewersAlone, LoadResult RatersAlone, LoadResult RatersWithViewers,
    ViewResult ViewersWithRaters, int G2Counted);

/// <summary>
/// The Step 5 results benchmark (docs/benchmarks.md, "Results dashboards"): a campaign of N
/// subjects set up through the API, M generated ballots written into the database, then
/// (1) the full recomputation (the app's <c>recount</c> verb, twice), (2) the time from a fresh
/// app process to its first dashboard page, (3) dashboard latency under V viewers, and
/// (4) complete ballots per second of the Step 3 raters (G2 codes, same campaign) alone and with
/// the V viewers loading dashboards meanwhile.
/// </summary>
public static partial class ResultsRun
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var server = await AppServer.StartAsync(options);
        var campaign = await ResultsSetup.RunAsync(server, options);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  campaign {campaign.CampaignId}: {campaign.Cells.Count} G1 cells, {campaign.Links.Count} G2 codes, set up in {campaign.Seconds:F0} s"));

        var generation = await BallotGenerator.RunAsync(server, options, campaign.CampaignId, campaign.G1, campaign.FormVersionId, campaign.Cells,
            campaign.StartsOn, DateOnly.FromDateTime(DateTime.Now));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {generation.Ballots:N0} ballots, {generation.Answers:N0} answers generated in {generation.Seconds:F0} s"));

        var recounts = new List<(double, double)>();
        for (var i = 0; i < 2; i++)
        {
            var clock = Stopwatch.StartNew();
            var printed = await server.RunVerbAsync("recount", "--campaign", campaign.CampaignId.ToString(CultureInfo.InvariantCulture));
            var seconds = double.Parse(RecountSeconds().Match(printed).Groups[1].Value, CultureInfo.InvariantCulture);
            recounts.Add((seconds, clock.Elapsed.TotalSeconds));
            Console.Error.WriteLine("  " + printed.Trim());
        }

        var path = options.DashboardOf(campaign.CampaignId);
        using var viewers = await Viewers.SignInAsync(server, options.Viewers);
        var sinceStart = await server.RestartAsync();
        var first = await viewers.FirstViewAsync(path, sinceStart, server);
        var second = await viewers.ViewAsync(path);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first {path} {first:F0} ms after the process start; the next {second.Ms:F0} ms ({second.Bytes:N0} bytes)"));

        var alone = await viewers.RunAsync(server, path, options.Warmup, options.Seconds);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {options.Viewers} viewers alone: {alone.PerSecond:F0} views/s, p95 {ResultsReport.P(alone.Ms, 95)} ms"));

        var half = campaign.Links.Count / 2;
        var codes = campaign.CodeGeneration;
        var ratersAlone = await LoadRun.RunAsync(server, new SetupResult(campaign.CampaignId, campaign.G2, campaign.Links.Take(half).ToList(), 20, codes), options);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  raters alone: {ratersAlone.Ballots / ratersAlone.WindowSeconds:F0} ballots/s"));
        Task<ViewResult>? watching = null;
        var ratersWatched = await LoadRun.RunAsync(server, new SetupResult(campaign.CampaignId, campaign.G2, campaign.Links.Skip(half).ToList(), 20, codes), options,
            () => watching = viewers.RunAsync(server, path, options.Warmup, options.Seconds));
        var withRaters = await watching!;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  raters with viewers: {ratersWatched.Ballots / ratersWatched.WindowSeconds:F0} ballots/s; viewers {withRaters.PerSecond:F0} views/s, p95 {ResultsReport.P(withRaters.Ms, 95)} ms"));

        var counted = await ResultsSetup.G2BallotsAsync(server, campaign);
        var measure = new ResultsMeasure(campaign, generation, recounts, first, (second.Ms, second.Bytes), alone, ratersAlone, ratersWatched, withRaters, counted);
        var report = ResultsReport.Render(options, path, measure);
        Console.WriteLine(report);
        if (options.Out is { } file)
        {
            await File.AppendAllTextAsync(file, report + Environment.NewLine);
        }
        var acknowledged = ratersAlone.TotalStored + ratersWatched.TotalStored;
        var consistent = counted == acknowledged;
        Console.WriteLine(consistent
            ? "check: G2 ballots counted by the app = ballots acknowledged to the raters"
            : string.Create(CultureInfo.InvariantCulture, $"check FAILED: acknowledged {acknowledged}, counted {counted}"));
        var failures = ratersAlone.Failures + ratersWatched.Failures + alone.Failures + withRaters.Failures;
        return consistent && failures == 0 ? 0 : 1;
    }

    [GeneratedRegex(@"用时 ([0-9.]+) 秒")]
    private static partial Regex RecountSeconds();
}
