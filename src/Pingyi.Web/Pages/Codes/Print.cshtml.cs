using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Pages.Codes;

/// <summary>
/// The A4 print sheet of a batch: slips with the QR code, the short code, the campaign, the
/// rater group and the instruction, cut lines between them. A large batch is split into web
/// pages of <see cref="SheetsPerPage"/> sheets, so the browser never renders 100,000 QR codes at once.
/// </summary>
public class PrintModel(TokenIssuer issuer) : PageModel
{
    public const int SheetsPerPage = 50;

    public static readonly int[] SlipsPerSheetChoices = [8, 10, 12];

    public BatchView Batch { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public List<PlainCode> Slips { get; private set; } = [];

    public int PerSheet { get; private set; } = 10;

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int FirstNumber { get; private set; }

    public int Total { get; private set; }

    public string EntryAddress => BatchCodes.EntryAddress(Request);

    public string Link(PlainCode code) => BatchCodes.Link(Request, code.Long);

    public async Task<IActionResult> OnGetAsync(int batchId, string? perPage)
    {
        if (await issuer.FindAsync(batchId) is not ({ } batch, { } campaign))
        {
            return NotFound();
        }
        Batch = batch;
        Campaign = campaign;
        PerSheet = int.TryParse(perPage, out var n) && SlipsPerSheetChoices.Contains(n) ? n : 10;
        var (codes, refusal) = await issuer.DiscloseAsync(batch, campaign, "打印");
        if (codes is null)
        {
            Refusal = refusal;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Total = codes.Count;
        var perWebPage = PerSheet * SheetsPerPage;
        PageCount = Math.Max(1, (codes.Count + perWebPage - 1) / perWebPage);
        // "page" is the route value that names the Razor page, so the query value is read directly.
        PageNumber = int.TryParse(Request.Query["page"], out var p) ? Math.Clamp(p, 1, PageCount) : 1;
        FirstNumber = (PageNumber - 1) * perWebPage + 1;
        Slips = codes.Skip(FirstNumber - 1).Take(perWebPage).ToList();
        return Page();
    }
}
