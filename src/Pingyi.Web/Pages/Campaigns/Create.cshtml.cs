using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

public class CreateModel(OrgScope scope, CampaignCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public List<OrgOption> Organizations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Organizations = await OrgOption.InScopeAsync(scope);
        Form = CampaignForm.New(CampaignPlan.Today(clock), Organizations.FirstOrDefault()?.Id ?? 0);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Organizations = await OrgOption.InScopeAsync(scope);
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return Page();
        }
        var errors = new List<string>();
        if (Form.ToInput(errors) is not { } input)
        {
            errors.ForEach(e => ModelState.AddModelError("", e));
            return Page();
        }
        var result = await commands.CreateAsync(input);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        TempData["Message"] = "评议活动草稿已建立。请设置评议对象、评议人类别和评议安排，方案完整后即可开始评议。";
        return Redirect($"/Campaigns/Details/{result.Id}");
    }
}
