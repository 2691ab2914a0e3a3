using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Channels;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Channels;

/// <summary>Renaming a standing QR, switching it on or off, and changing its daily limit per device.</summary>
public class EditModel(AppDbContext db, OrgScope scope, ChannelCommands commands, ChannelList list) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? DailyLimit { get; set; }

    [BindProperty]
    public bool Active { get; set; }

    public ChannelRow Channel { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Name = Channel.Name;
        DailyLimit = Channel.DailyLimit.ToString(CultureInfo.InvariantCulture);
        Active = Channel.Active;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync(id, "填写的内容格式不正确，请检查后重试。");
        }
        var result = await commands.UpdateAsync(id, new ChannelInput(Name, DailyLimit, Active));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(id, error);
        }
        TempData["Message"] = "二维码已修改。";
        var campaignId = await db.StandingChannels.Where(c => c.Id == id).Select(c => c.CampaignId).SingleAsync();
        return Redirect($"/Channels/Index/{campaignId.ToString(CultureInfo.InvariantCulture)}");
    }

    private async Task<IActionResult> FailAsync(int id, string error)
    {
        ModelState.AddModelError("", error);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await scope.FindStandingChannelAsync(id) is null)
        {
            return false;
        }
        Channel = (await list.RowsAsync(null, id)).Single();
        return true;
    }
}
