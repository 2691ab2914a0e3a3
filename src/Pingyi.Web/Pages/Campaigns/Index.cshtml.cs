using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

public class IndexModel(OrgScope scope) : PageModel
{
    public const int PageSize = 500;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public CampaignState? State { get; set; }

    public List<int> Years { get; private set; } = [];

    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(int Id, string Name, int Year, string Organization, CampaignState State,
        DateOnly StartsOn, DateOnly EndsOn, int Subjects, int Groups);

    public async Task OnGetAsync()
    {
        // A malformed filter in the query string is ignored rather than answered with an error page.
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            Year = null;
            State = null;
        }
        var campaigns = await scope.CampaignsAsync();
        Years = await campaigns.Select(c => c.Year).Distinct().OrderByDescending(y => y).ToListAsync();
        if (Year is { } y)
        {
            campaigns = campaigns.Where(c => c.Year == y);
        }
        if (State is { } s)
        {
            campaigns = campaigns.Where(c => c.State == s);
        }
        Rows = await campaigns.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(PageSize)
            .Select(c => new Row(c.Id, c.Name, c.Year, c.Organization!.Name, c.State, c.StartsOn, c.EndsOn,
                c.Subjects.Count, c.RaterGroups.Count))
            .ToListAsync();
    }
}
