using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Channels;

namespace Pingyi.Web.Pages.Channels;

/// <summary>平时评议二维码 posted in the administrator's subtree, all or of one campaign.</summary>
public class IndexModel(ChannelList list) : PageModel
{
    public Campaign? Campaign { get; private set; }

    public List<ChannelRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? campaignId)
    {
        if (campaignId is { } id && (Campaign = await list.FindCampaignAsync(id)) is null)
        {
            return NotFound();
        }
        Rows = await list.RowsAsync(campaignId);
        return Page();
    }
}
