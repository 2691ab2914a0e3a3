using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Publishing;

namespace Pingyi.Web.Pages.Gongshi;

/// <summary>The receipt after an objection; it arrives in a short-lived protected cookie, never in the URL.</summary>
[AllowAnonymous]
public class DoneModel(ObjectionReceipt receipts) : PageModel
{
    public string? Receipt { get; private set; }

    public void OnGet()
    {
        if (receipts.Read(HttpContext) is { } receipt)
        {
            Receipt = ReceiptCodes.Format(receipt);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
