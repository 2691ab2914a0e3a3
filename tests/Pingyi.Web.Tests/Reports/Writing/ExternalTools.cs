using System.Diagnostics;

namespace Pingyi.Web.Tests.Reports.Writing;

/// <summary>
/// Runs LibreOffice and poppler's tools for the rendering tests. test.sh installs them; a missing
/// tool throws (the test fails rather than skips).
/// </summary>
public static class ExternalTools
{
    public static string Run(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}.");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {error.Result}");
        }
        return output.Result;
    }

    /// <summary>
    /// Converts a document to PDF with headless LibreOffice, in a private profile so that parallel
    /// runs (and a LibreOffice a person has open) do not share one.
    /// </summary>
    public static string ToPdf(string document, string directory)
    {
        var profile = Path.Combine(Path.GetTempPath(), $"pingyi-lo-{Guid.NewGuid():N}");
        try
        {
            Run("soffice",
                [$"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", directory, document],
                TimeSpan.FromMinutes(4));
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
        var pdf = Path.Combine(directory, Path.GetFileNameWithoutExtension(document) + ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no {pdf}");
        return pdf;
    }
}
