using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Organizations;

public class CreateModel(OrgScope scope, OrganizationCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ParentId { get; set; }

    [BindProperty]
    public OrganizationForm Form { get; set; } = new();

    public Organization? Parent { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (ParentId is { } pid)
        {
            Parent = await scope.FindOrganizationAsync(pid);
            if (Parent is null)
            {
                return NotFound();
            }
        }
        else if (!scope.IsSystemAdmin)
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return await OnGetAsync();
        }
        var result = await commands.CreateAsync(ParentId, Form.ToInput());
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return await OnGetAsync();
        }
        TempData["Message"] = "组织已新增。";
        return Redirect($"/Organizations/Details/{result.Id}");
    }
}
