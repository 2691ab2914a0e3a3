using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Meetings;

namespace Pingyi.Web.Pages.Meetings;

/// <summary>Meetings hosted in the subtree, of all campaigns or of one the subtree takes part in.</summary>
public class IndexModel(MeetingCommands commands, MeetingCountsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CampaignId { get; set; }

    public Campaign? Campaign { get; private set; }

    public List<MeetingRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CampaignId is { } id)
        {
            Campaign = await commands.FindCampaignAsync(id);
            if (Campaign is null)
            {
                return NotFound();
            }
        }
        Rows = await query.MeetingsAsync(CampaignId, ct);
        return Page();
    }
}
