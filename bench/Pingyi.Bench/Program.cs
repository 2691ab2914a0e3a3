using System.Globalization;
using Pingyi.Bench;

// Load driver for the online ballot and, with --results, the results dashboards (docs/benchmarks.md). It starts a published Pingyi.Web as a
// separate process on 127.0.0.1, sets up a campaign through the app's own CLI and HTTP API,
// issues fresh codes, and lets N simulated raters each open the ballot page and submit a
// realistic 20-item ballot, as fast as the server answers. Usage: bench/run.sh, or
//   dotnet Pingyi.Bench.dll --app PATH/Pingyi.Web.dll --provider sqlite|postgres [--pg CONNECTION]
//     [--raters 64] [--seconds 20] [--warmup 5] [--codes 100000] [--port 5190] [--link] [--out FILE]
//     [--results [--ballots 1000000] [--subjects 1000] [--viewers 16] [--dashboard /Results/{id}]]
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Pingyi.Bench --app PATH/Pingyi.Web.dll --provider sqlite|postgres [--pg CONNECTION] " +
        "[--raters 64] [--seconds 20] [--warmup 5] [--codes 100000] [--port 5190] [--link] [--out FILE] " +
        "[--results [--ballots 1000000] [--subjects 1000] [--viewers 16] [--dashboard /Results/{id}]]");
    return 2;
}
if (options.Results)
{
    try
    {
        return await ResultsRun.RunAsync(options);
    }
    catch (Exception e)
    {
        // Said plainly: an exception whose text cannot be printed would otherwise abort the driver silently.
        Console.Error.WriteLine($"results benchmark failed: {e.GetType().FullName}: {e.Message}\n{e.StackTrace}\n{e.InnerException?.GetType().FullName}: {e.InnerException?.Message}");
        return 1;
    }
}

await using var server = await AppServer.StartAsync(options);
var setup = await BenchSetup.RunAsync(server, options);
var result = await LoadRun.RunAsync(server, setup, options);
var check = await BenchSetup.CountUsedAsync(server, setup);
var report = Report.Render(options, setup, result, check);
Console.WriteLine(report);
if (options.Out is { } file)
{
    await File.AppendAllTextAsync(file, report + Environment.NewLine);
}
var consistent = check.Used == result.TotalStored && check.Ballots == result.TotalStored;
Console.WriteLine(consistent
    ? "check: codes used = ballots stored = ballots acknowledged"
    : string.Create(CultureInfo.InvariantCulture, $"check FAILED: acknowledged {result.TotalStored}, codes used {check.Used}, ballots {check.Ballots}"));
return consistent && result.Failures == 0 ? 0 : 1;
