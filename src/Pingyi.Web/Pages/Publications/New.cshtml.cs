using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Features.Publishing;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Publications;

/// <summary>Publishing a closed campaign: the notice period, its note, whether the problems are shown.</summary>
public class NewModel(OrgScope scope, PublicationCommands commands, PublicationQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int CampaignId { get; set; }

    [BindProperty]
    public int NoticeDays { get; set; } = Publication.DefaultNoticeDays;

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public bool ShowProblems { get; set; } = true;

    public Campaign Campaign { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await scope.FindCampaignAsync(CampaignId) is not { } campaign)
        {
            return NotFound();
        }
        // One standing notice per campaign: its page, not a second form.
        if (await queries.ActiveOfAsync(CampaignId) is { } active)
        {
            return Redirect($"/Publications/Detail/{active}");
        }
        Campaign = campaign;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return await ReloadAsync();
        }
        var result = await commands.PublishAsync(CampaignId, new PublicationInput(Note, NoticeDays, ShowProblems));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = "公示已发布。";
            return Redirect($"/Publications/Detail/{result.Id}");
        }
        ModelState.AddModelError("", result.Error!);
        return await ReloadAsync();
    }

    private async Task<IActionResult> ReloadAsync()
    {
        if (await scope.FindCampaignAsync(CampaignId) is not { } campaign)
        {
            return NotFound();
        }
        Campaign = campaign;
        return Page();
    }
}
