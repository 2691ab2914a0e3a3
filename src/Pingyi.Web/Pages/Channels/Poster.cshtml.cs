using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Channels;

/// <summary>The A4 poster of a standing QR: a large QR of the public link, the campaign, the place and one line of invitation.</summary>
public class PosterModel(AppDbContext db, OrgScope scope) : PageModel
{
    public const string Invitation = "扫码评价我们的服务，匿名填写，约两分钟";

    public ChannelRow Channel { get; private set; } = null!;

    public string Link { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await scope.FindStandingChannelAsync(id) is not { } channel)
        {
            return NotFound();
        }
        Channel = (await IndexModel.RowsAsync(db, db.StandingChannels.Where(c => c.Id == id), null)).Single();
        Link = PublicLink(Request, channel.Code);
        return Page();
    }

    /// <summary>The absolute link the poster's QR opens, on the host the administrator reached the app by.</summary>
    public static string PublicLink(HttpRequest request, string code) => $"{request.Scheme}://{request.Host}/Q/{code}";
}
