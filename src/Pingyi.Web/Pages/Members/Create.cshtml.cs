using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Members;

public class CreateModel(OrgScope scope, OrganizationCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int OrgId { get; set; }

    [BindProperty]
    public MemberForm Form { get; set; } = new();

    public Organization? Organization { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Organization = await scope.FindOrganizationAsync(OrgId);
        return Organization is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return await OnGetAsync();
        }
        var result = await commands.CreateMemberAsync(OrgId, Form.ToInput());
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return await OnGetAsync();
        }
        TempData["Message"] = $"已新增人员：{Form.Name?.Trim()}。";
        return Redirect($"/Members?orgId={OrgId}");
    }
}
