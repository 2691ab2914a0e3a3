using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Meetings;

/// <summary>Registers a meeting of a campaign; without a campaign, offers those that accept meetings.</summary>
public class CreateModel(AppDbContext db, OrgScope scope, MeetingCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CampaignId { get; set; }

    [BindProperty]
    public MeetingForm Form { get; set; } = new();

    public MeetingChoices? Choices { get; private set; }

    public List<Campaign> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (CampaignId is null)
        {
            Campaigns = await (await scope.CampaignsReachingAsync())
                .Where(c => c.State == CampaignState.Draft || c.State == CampaignState.Open)
                .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(100).ToListAsync();
            return Page();
        }
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var today = CampaignPlan.Today(clock);
        Form = new MeetingForm
        {
            HeldOn = CampaignText.Format(today > Choices!.Campaign.EndsOn ? Choices.Campaign.EndsOn : today),
            HostOrganizationId = Choices.Hosts.FirstOrDefault()?.Id ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (CampaignId is null || !await LoadAsync())
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
        var result = Form.ToInput(CampaignId.Value, errors) is { } input ? await commands.CreateAsync(input) : null;
        if (result is { NotFound: true })
        {
            return NotFound();
        }
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "评议会已登记。";
            return Redirect($"/Meetings/Details/{result.Id}");
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
        var campaign = await commands.FindCampaignAsync(CampaignId!.Value);
        if (campaign is null)
        {
            return false;
        }
        Choices = await MeetingChoices.LoadAsync(db, scope, campaign);
        return true;
    }
}
