using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Channels;

namespace Pingyi.Web.Pages.Q;

/// <summary>The receipt after a standing-channel ballot; it arrives in a short-lived protected cookie, never in the URL.</summary>
[AllowAnonymous]
public class DoneModel(ChannelAccess access) : PageModel
{
    public string? Receipt { get; private set; }

    public IActionResult OnGet()
    {
        if (access.ReadReceipt(HttpContext) is { } receipt)
        {
            Receipt = Domain.Loop.ReceiptCodes.Format(receipt);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
