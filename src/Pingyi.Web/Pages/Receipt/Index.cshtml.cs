using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Loop.Replies;

namespace Pingyi.Web.Pages.Receipt;

/// <summary>
/// 回执查询: the code is only ever posted, never put in a URL; a hit leaves with a 303 and the hash
/// in a short-lived protected cookie. Every miss answers the same page and status, whatever the
/// reason, and misses are throttled per address.
/// </summary>
[AllowAnonymous]
public class IndexModel(ReceiptLookup lookup, ReceiptCookie cookie, ReceiptThrottle throttle) : PageModel
{
    public string? Error { get; private set; }

    public bool Throttled { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (!throttle.TryAttempt(HttpContext))
        {
            Throttled = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var (find, hash) = await lookup.FindAsync(code, HttpContext.RequestAborted);
        switch (find)
        {
            case ReceiptFind.Found:
                throttle.Refund(HttpContext);
                cookie.Issue(HttpContext, hash!);
                Response.Headers.Location = "/Receipt/View";
                return new StatusCodeResult(StatusCodes.Status303SeeOther);
            case ReceiptFind.Malformed:
                // A typo is no guess: it never reaches the database, so it costs no attempt.
                throttle.Refund(HttpContext);
                Error = ReceiptMessages.Malformed;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                Error = ReceiptMessages.Unknown;
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
        }
    }
}
