using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Meetings;

public class EditModel(AppDbContext db, OrgScope scope, MeetingCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public MeetingForm Form { get; set; } = new();

    public Meeting Meeting { get; private set; } = null!;

    public MeetingChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Form = MeetingForm.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return Page();
        }
        var errors = new List<string>();
        var result = Form.ToInput(Meeting.CampaignId, errors) is { } input ? await commands.UpdateAsync(Id, input) : null;
        if (result is { NotFound: true })
        {
            return NotFound();
        }
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "评议会已修改。";
            return Redirect($"/Meetings/Details/{Id}");
        }
        if (result?.Error is { } error)
        {
            errors.Add(error);
        }
        errors.ForEach(e => ModelState.AddModelError("", e));
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var meeting = await scope.FindMeetingAsync(Id);
        if (meeting is null)
        {
            return false;
        }
        await db.Entry(meeting).Collection(m => m.Invitees).LoadAsync();
        Meeting = meeting;
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Organization).FirstAsync(c => c.Id == meeting.CampaignId);
        Choices = await MeetingChoices.LoadAsync(db, scope, campaign);
        return true;
    }
}
