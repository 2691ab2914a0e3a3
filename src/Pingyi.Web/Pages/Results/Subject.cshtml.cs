using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Pages.Results;

public class SubjectModel(ResultsQuery query, SubjectHistory history) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public SubjectDrillDown DrillDown { get; private set; } = null!;

    public IReadOnlyList<HistoryPoint> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int campaignId, int subjectId, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(campaignId, cancellationToken) is not { } found
            || await query.FindSubjectAsync(found, subjectId) is null)
        {
            return NotFound();
        }
        Campaign = found.Campaign;
        var result = query.ResultOf(found);
        DrillDown = new SubjectDrillDown(result, result.Subject(subjectId)!);
        History = await history.OfAsync(Campaign, result, DrillDown.Subject, cancellationToken);
        return Page();
    }
}
