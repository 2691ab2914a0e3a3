using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Forms;
using Pingyi.Web.Pages.Shared;

namespace Pingyi.Web.Pages.Forms;

public class PreviewModel(FormQueries queries) : PageModel
{
    public BallotView? Ballot { get; private set; }

    public async Task<IActionResult> OnGetAsync(int versionId)
    {
        var version = await queries.VersionAsync(versionId);
        if (version is null)
        {
            return NotFound();
        }
        Ballot = new BallotView(version);
        return Page();
    }
}
