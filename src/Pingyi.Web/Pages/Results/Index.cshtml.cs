using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Pages.Results;

public class IndexModel(ResultsQuery query) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public CampaignOverview Overview { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SubjectRow> Rows { get; private set; } = [];

    public string LinkTo(int page) => $"/Results/{Campaign.Id}?p={page}";

    public async Task<IActionResult> OnGetAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(campaignId, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Campaign = found.Campaign;
        Overview = new CampaignOverview(found.Input, query.ResultOf(found));
        PageNumber = ModelState.IsValid ? Math.Clamp(PageNumber, 1, Overview.PageCount) : 1;
        Rows = Overview.PageOf(PageNumber);
        return Page();
    }
}
