using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Channels;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Channels;

/// <summary>The A4 poster of a standing QR: a large QR of the public link, the campaign, the place and one line of invitation.</summary>
public class PosterModel(OrgScope scope, ChannelList list) : PageModel
{
    public const string Invitation = "扫码评价我们的服务，匿名填写，约两分钟";

    public ChannelRow Channel { get; private set; } = null!;

    public string Link { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await scope.FindStandingChannelAsync(id) is null)
        {
            return NotFound();
        }
        Channel = (await list.RowsAsync(null, id)).Single();
        Link = ChannelList.PublicLink(Request, Channel.Code);
        return Page();
    }
}
