using Microsoft.AspNetCore.Mvc;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Pages.V;

/// <summary>The receipt after submitting; it arrives in a short-lived protected cookie, never in the URL.</summary>
public class DoneModel(BallotAccess access) : VPage
{
    public string? Receipt { get; private set; }

    public IActionResult OnGet()
    {
        if (access.ReadReceipt(HttpContext) is not { } receipt)
        {
            return Notice(AccessState.Expired);
        }
        Receipt = Domain.Loop.ReceiptCodes.Format(receipt);
        return Page();
    }

}
