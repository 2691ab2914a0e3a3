using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

public class EditModel(OrgScope scope, CampaignCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public Campaign? Campaign { get; private set; }

    public List<OrgOption> Organizations { get; private set; } = [];

    public bool CanEdit => Campaign is { } c && CampaignRules.CanChangeStructure(c.State);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Form = CampaignForm.From(Campaign!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return await LoadAsync() ? Page() : NotFound();
        }
        var errors = new List<string>();
        var input = Form.ToInput(errors);
        var result = input is null ? null : await commands.UpdateAsync(Id, input);
        if (result is { NotFound: true })
        {
            return NotFound();
        }
        if (result is { Succeeded: true })
        {
            TempData["Message"] = "评议活动的基本信息已修改。";
            return Redirect($"/Campaigns/Details/{Id}");
        }
        if (result?.Error is { } error)
        {
            errors.Add(error);
        }
        errors.ForEach(e => ModelState.AddModelError("", e));
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        Campaign = await scope.FindCampaignAsync(Id);
        if (Campaign is null)
        {
            return false;
        }
        Organizations = await OrgOption.InScopeAsync(scope);
        return true;
    }
}
