using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Organizations;

public class EditModel(OrgScope scope, OrganizationCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public OrganizationForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var org = await scope.FindOrganizationAsync(Id);
        if (org is null)
        {
            return NotFound();
        }
        Form = OrganizationForm.From(org);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return await scope.FindOrganizationAsync(Id) is null ? NotFound() : Page();
        }
        var result = await commands.UpdateAsync(Id, Form.ToInput());
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        TempData["Message"] = "组织已修改。";
        return Redirect($"/Organizations/Details/{Id}");
    }
}
