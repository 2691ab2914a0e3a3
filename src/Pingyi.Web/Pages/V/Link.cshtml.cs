using Microsoft.AspNetCore.Mvc;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Pages.V;

/// <summary>The link in a QR code or message: trades the long code for the ballot cookie and leaves the URL at once.</summary>
public class LinkModel(BallotAccess access, CodeThrottle throttle) : VPage
{
    public async Task<IActionResult> OnGetAsync(string? code)
    {
        if (!throttle.TryAttempt(HttpContext))
        {
            return Notice(AccessState.Throttled);
        }
        var (state, tokenId) = await access.FindLongAsync(code, HttpContext.RequestAborted);
        if (state != AccessState.Usable)
        {
            return Notice(state);
        }
        access.IssueCookie(HttpContext, tokenId);
        return SeeOther("/V/Ballot");
    }
}
