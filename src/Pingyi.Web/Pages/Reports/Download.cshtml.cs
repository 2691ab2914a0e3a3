using Microsoft.AspNetCore.Mvc;
using Pingyi.Web.Features.Reports;

namespace Pingyi.Web.Pages.Reports;

/// <summary>The report as a file of one registered format (<see cref="IReportWriter"/>); an unknown format answers 404.</summary>
public class DownloadModel(ReportTargets targets, ReportCommands commands, IEnumerable<IReportWriter> writers, TimeProvider clock)
    : ReportPageModel(targets, clock)
{
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var writer = writers.FirstOrDefault(w => w.Format == Format);
        var (target, error) = await ResolveAsync();
        if (error is not null)
        {
            return BadRequest(error);
        }
        if (target is null || writer is null)
        {
            return NotFound();
        }
        var report = await commands.BuildAsync(target, ct);
        var bytes = writer.Write(report.Document);
        await commands.AuditGeneratedAsync(report, writer.Format);
        return File(bytes, writer.ContentType, ReportFiles.NameOf(report.Document, writer));
    }
}
