using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Loop.Opinions;

namespace Pingyi.Web.Pages.Suggest;

/// <summary>The receipt after a suggestion; it arrives in a short-lived protected cookie, never in the URL.</summary>
[AllowAnonymous]
public class DoneModel(SuggestionReceipt receipts) : PageModel
{
    public string? Receipt { get; private set; }

    public void OnGet()
    {
        if (receipts.Read(HttpContext) is { } receipt)
        {
            Receipt = Domain.Loop.ReceiptCodes.Format(receipt);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
