using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Channels;
using Pingyi.Web.Infrastructure;
using Pingyi.Web.Pages.Campaigns;

namespace Pingyi.Web.Pages.Channels;

/// <summary>
/// A new standing QR in two steps that work without JavaScript: choose the campaign (a GET),
/// then its 平时评议 rater group, the organisation where the code is posted and the place.
/// </summary>
public class CreateModel(AppDbContext db, OrgScope scope, ChannelCommands commands, ChannelList list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CampaignId { get; set; }

    [BindProperty]
    public int? RaterGroupId { get; set; }

    [BindProperty]
    public int? OrganizationId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? DailyLimit { get; set; } = StandingChannel.DefaultDailyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Draft and open campaigns run in or above the subtree.</summary>
    public List<Campaign> Campaigns { get; private set; } = [];

    public Campaign? Campaign { get; private set; }

    public List<RaterGroup> Groups { get; private set; } = [];

    public List<OrgOption> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            CampaignId = null;
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync("填写的内容格式不正确，请检查后重试。");
        }
        if (CampaignId is not { } campaignId)
        {
            return await FailAsync("请选择评议活动。");
        }
        if (RaterGroupId is not { } groupId || OrganizationId is not { } orgId)
        {
            var missing = RaterGroupId is null ? "请选择评议人类别。" : "请选择张贴二维码的组织。";
            return await FailAsync(missing);
        }
        var result = await commands.CreateAsync(campaignId, groupId, orgId, new ChannelInput(Name, DailyLimit));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(error);
        }
        TempData["Message"] = "二维码已建立，可以打印海报张贴。";
        return Redirect($"/Channels/Index/{campaignId}");
    }

    private async Task<IActionResult> FailAsync(string error)
    {
        ModelState.AddModelError("", error);
        return await LoadAsync() ? Page() : NotFound();
    }

    /// <summary>The choices; false when the chosen campaign does not reach the subtree.</summary>
    private async Task<bool> LoadAsync()
    {
        var reaching = await scope.CampaignsReachingAsync();
        Campaigns = await reaching.AsNoTracking().Where(c => c.State == CampaignState.Draft || c.State == CampaignState.Open)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Name).ToListAsync();
        if (CampaignId is not { } id)
        {
            return true;
        }
        Campaign = await list.FindCampaignAsync(id);
        if (Campaign is null)
        {
            return false;
        }
        Groups = await db.RaterGroups.AsNoTracking().Where(g => g.CampaignId == id && g.Kind == RaterGroupKind.StandingChannel)
            .OrderBy(g => g.Position).ToListAsync();
        var campaignPath = Campaign.Organization!.Path;
        Organizations = await OrgOption.ListAsync((await scope.OrganizationsAsync()).Where(o => o.Path.StartsWith(campaignPath)));
        return true;
    }
}
