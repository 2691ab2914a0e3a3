using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Ballots;

namespace Pingyi.Web.Pages.V;

/// <summary>
/// The raters' pages: anonymous (raters never sign in), so no folder policy may catch them, and
/// every refusal is a page of its own with a fitting status.
/// </summary>
[AllowAnonymous]
public abstract class VPage : PageModel
{
    /// <summary>Usable while the page shows its own content; anything else shows _Notice.</summary>
    public AccessState State { get; private set; }

    protected IActionResult Notice(AccessState state)
    {
        State = state;
        Response.StatusCode = AccessMessages.Of(state).Status;
        return Page();
    }

    /// <summary>303, so the browser follows with a GET and a reload never posts or reopens the code again.</summary>
    protected IActionResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }
}
