using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Infrastructure;
using Pingyi.Web.Pages.Shared;

namespace Pingyi.Web.Pages.Meetings;

/// <summary>
/// The paper forms of a meeting on A4, one numbered copy per page. The first printing of serials
/// makes their codes (a POST, since it creates tokens and slips); showing them again is a GET.
/// </summary>
public class PrintModel(AppDbContext db, OrgScope scope, MeetingPrinting printing, BallotPlans plans) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Meeting Meeting { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public string? GroupName { get; private set; }

    public int From { get; private set; }

    public int To { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>Serials of the range not printed yet: the page offers to generate them.</summary>
    public int Missing { get; private set; }

    public List<PrintedSlip> Slips { get; private set; } = [];

    public IReadOnlyList<Domain.Campaigns.Assignment> Assignments { get; private set; } = [];

    public bool AnyPurged => Slips.Any(s => s.Code is null);

    public string EntryAddress => BatchCodes.EntryAddress(Request);

    public string Link(PlainCode code) => BatchCodes.Link(Request, code.Long);

    public static IEnumerable<BallotSubject> SubjectsOf(Domain.Campaigns.Assignment a) =>
        a.Subjects.OrderBy(s => s.Id).Select(s => new BallotSubject(s.Id, s.Organization?.Name ?? $"{s.Member!.Name}（{s.Member.Organization?.Name}）"));

    public async Task<IActionResult> OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        if (!await LoadAsync(from, to))
        {
            return NotFound();
        }
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        Missing = (await printing.MissingAsync(Meeting.Id, From, To)).Count;
        if (Missing > 0)
        {
            return Page();
        }
        Slips = await printing.SlipsAsync(Meeting, Campaign, From, To);
        Assignments = await plans.OfAsync(db, Campaign.Id, Meeting.RaterGroupId!.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? from, string? to)
    {
        if (!await LoadAsync(from, to))
        {
            return NotFound();
        }
        if (Refusal is null)
        {
            (_, Refusal) = await printing.GenerateAsync(Meeting, Campaign, From, To);
        }
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Redirect($"/Meetings/Print/{Id}?from={From}&to={To}");
    }

    private async Task<bool> LoadAsync(string? from, string? to)
    {
        if (await scope.FindMeetingAsync(Id) is not { } meeting)
        {
            return false;
        }
        Meeting = meeting;
        Campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == meeting.CampaignId);
        GroupName = await db.RaterGroups.Where(g => g.Id == meeting.RaterGroupId).Select(g => g.Name).FirstOrDefaultAsync();
        From = 1;
        To = Math.Min(meeting.FormsIssued, MeetingPrinting.MaxPerPrint);
        if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
        {
            if (!int.TryParse(from, out var f) || !int.TryParse(to, out var t))
            {
                Refusal = "编号范围须填写整数。";
                return true;
            }
            (From, To) = (f, t);
        }
        Refusal = MeetingPrinting.CheckRange(meeting, Campaign.State, From, To);
        return true;
    }
}
