using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Meetings;

public class DetailsModel(AppDbContext db, OrgScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Meeting Meeting { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public string HostName { get; private set; } = "";

    public string? GroupName { get; private set; }

    public MeetingTally Tally { get; private set; } = null!;

    public List<string> Invited { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await scope.FindMeetingAsync(Id) is not { } meeting)
        {
            return NotFound();
        }
        Meeting = meeting;
        Campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == meeting.CampaignId, ct);
        HostName = await db.Organizations.Where(o => o.Id == meeting.HostOrganizationId).Select(o => o.Name).FirstAsync(ct);
        GroupName = await db.RaterGroups.Where(g => g.Id == meeting.RaterGroupId).Select(g => g.Name).FirstOrDefaultAsync(ct);
        Tally = await MeetingTallies.OfAsync(db, meeting, ct);
        var organizations = await db.MeetingInvitees.Where(i => i.MeetingId == Id && i.OrganizationId != null)
            .Join(db.Organizations, i => i.OrganizationId, o => o.Id, (i, o) => o.Name).OrderBy(n => n).ToListAsync(ct);
        var members = await db.MeetingInvitees.Where(i => i.MeetingId == Id && i.MemberId != null)
            .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => m.Name).OrderBy(n => n).ToListAsync(ct);
        Invited = [.. organizations, .. members];
        return Page();
    }
}
