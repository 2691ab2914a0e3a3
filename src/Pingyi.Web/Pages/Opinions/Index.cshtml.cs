using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Opinions;

/// <summary>The opinions about organisations in scope, filtered and paged; ticked ones go on to become a problem.</summary>
public class IndexModel(AppDbContext db, OrgScope scope, OpinionQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public OpinionChoices Choices { get; private set; } = null!;

    public OpinionPage Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CampaignId is { } c && await OpinionChoices.FindCampaignAsync(scope, c) is null)
        {
            return NotFound();
        }
        if (OrganizationId is { } o && await scope.FindOrganizationAsync(o) is null)
        {
            return NotFound();
        }
        Choices = await OpinionChoices.LoadAsync(db, scope, activeCategoriesOnly: false);
        var filter = new OpinionFilter(CampaignId, OrganizationId,
            CampaignText.TryParseName<OpinionSource>(Source, out var source) ? source : null, CategoryId,
            CampaignText.TryParseName<OpinionState>(State, out var state) ? state : null, Q);
        Result = await query.ListAsync(filter, PageNumber, ct: ct);
        return Page();
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["campaignId"] = CampaignId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["organizationId"] = OrganizationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["source"] = Source,
            ["categoryId"] = CategoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["state"] = State,
            ["q"] = Q,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/Opinions", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    /// <summary>A list shows the start of a long text; the detail page shows all of it.</summary>
    public static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
