using Microsoft.AspNetCore.Mvc;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Pages.V;

/// <summary>Typing the short code from a paper slip; a wrong check character is caught before any lookup.</summary>
public class IndexModel(BallotAccess access, CodeThrottle throttle) : VPage
{
    public string? Code { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (!throttle.TryAttempt(HttpContext))
        {
            return Notice(AccessState.Throttled);
        }
        Code = code?.Length > 40 ? code[..40] : code;
        var (state, tokenId) = await access.FindShortAsync(code, HttpContext.RequestAborted);
        if (state == AccessState.Usable)
        {
            access.IssueCookie(HttpContext, tokenId);
            return SeeOther("/V/Ballot");
        }
        Error = AccessMessages.Of(state).Message;
        Response.StatusCode = AccessMessages.Of(state).Status;
        return Page();
    }
}
