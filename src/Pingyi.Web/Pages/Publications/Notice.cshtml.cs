using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Publishing;

namespace Pingyi.Web.Pages.Publications;

/// <summary>The printable A4 公示, with the same figures as the public page and a QR code pointing to it.</summary>
public class NoticeModel(PublicationCommands commands, PublicNotices notices) : PageModel
{
    public NoticeContent Notice { get; private set; } = null!;

    public string Link { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await commands.FindAsync(id) is not { } found)
        {
            return NotFound();
        }
        Notice = await notices.ContentAsync(found.Publication, found.Campaign, HttpContext.RequestAborted);
        Link = PublicNotices.PublicLink(Request, id);
        return Page();
    }
}
