using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

/// <summary>
/// What the subject, group and assignment pages share: the campaign with its plan, loaded
/// through the scope, and the way a command's outcome becomes a redirect or the page again with
/// the reason.
/// </summary>
public abstract class PlanPageModel(AppDbContext db, OrgScope scope) : PageModel
{
    protected AppDbContext Db => db;

    protected OrgScope Scope => scope;

    public Campaign Campaign { get; private set; } = null!;

    public bool CanEdit => CampaignRules.CanChangeStructure(Campaign.State);

    /// <summary>Loads the campaign and whatever else the page shows; false when it is not in scope.</summary>
    protected async Task<bool> LoadAsync(int id)
    {
        if (await CampaignPlan.FindAsync(db, scope, id) is not { } campaign)
        {
            return false;
        }
        Campaign = campaign;
        await LoadChoicesAsync();
        return true;
    }

    protected abstract Task LoadChoicesAsync();

    protected async Task<IActionResult> ShowAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    protected async Task<IActionResult> InvalidAsync(int id)
    {
        ModelState.Clear();
        return await FailAsync(id, "填写的内容格式不正确，请检查后重试。");
    }

    protected async Task<IActionResult> FailAsync(int id, string error)
    {
        ModelState.AddModelError("", error);
        db.ChangeTracker.Clear();
        return await ShowAsync(id);
    }

    protected async Task<IActionResult> DoneAsync(int id, CommandResult result, string message)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(id, error);
        }
        TempData["Message"] = message;
        return Redirect(Request.Path);
    }
}
