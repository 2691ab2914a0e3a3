using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Pages.Codes;

/// <summary>Downloads a batch as .xlsx for an SMS or HIS system; a purged or unfinished batch gets a page saying why.</summary>
public class ExportModel(TokenIssuer issuer) : PageModel
{
    public BatchView Batch { get; private set; } = null!;

    public string Refusal { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int batchId)
    {
        if (await issuer.FindAsync(batchId) is not ({ } batch, { } campaign))
        {
            return NotFound();
        }
        var (codes, refusal) = await issuer.DiscloseAsync(batch, campaign, "下载Excel");
        if (codes is null)
        {
            Batch = batch;
            Refusal = refusal!;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return File(CodesExcel.Bytes(Request, codes, batch.RaterGroupName, campaign.Name), CodesExcel.ContentType, CodesExcel.FileName(batch.Id));
    }
}
