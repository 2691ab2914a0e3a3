using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Meetings;

public class DeleteModel(OrgScope scope, MeetingCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Meeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await scope.FindMeetingAsync(Id) is not { } meeting)
        {
            return NotFound();
        }
        Meeting = meeting;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await scope.FindMeetingAsync(Id) is not { } meeting)
        {
            return NotFound();
        }
        Meeting = meeting;
        var result = await commands.DeleteAsync(Id);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        TempData["Message"] = $"评议会“{meeting.Title}”已删除。";
        return Redirect($"/Meetings/Index/{meeting.CampaignId}");
    }
}
