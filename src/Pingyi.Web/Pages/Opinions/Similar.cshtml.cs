using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Opinions;

/// <summary>Likely duplicates among the open opinions in scope, for a person to merge (合并) or leave apart.</summary>
public class SimilarModel(AppDbContext db, OrgScope scope, OpinionQuery query, OpinionCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    public OpinionChoices Choices { get; private set; } = null!;

    public List<SimilarOpinions> Pairs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMergeAsync(Guid first, Guid second, CancellationToken ct)
    {
        var result = await commands.MergeAsync(first, second);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = "已合并。";
            return Redirect(Url.Page("/Opinions/Similar", new { CampaignId, OrganizationId }) ?? "/Opinions/Similar");
        }
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ModelState.AddModelError("", result.Error!);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (CampaignId is { } c && await OpinionChoices.FindCampaignAsync(scope, c) is null)
        {
            return false;
        }
        if (OrganizationId is { } o && await scope.FindOrganizationAsync(o) is null)
        {
            return false;
        }
        Choices = await OpinionChoices.LoadAsync(db, scope, activeCategoriesOnly: true);
        Pairs = await query.SimilarAsync(CampaignId, OrganizationId, OpinionSimilarity.DefaultThreshold, ct);
        return true;
    }
}
