using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Members;

public class EditModel(OrgScope scope, OrganizationCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public MemberForm Form { get; set; } = new();

    [BindProperty]
    public int OrganizationId { get; set; }

    [BindProperty]
    public bool IsActive { get; set; }

    public List<Organization> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var member = await scope.FindMemberAsync(Id);
        if (member is null)
        {
            return NotFound();
        }
        Form = MemberForm.From(member);
        OrganizationId = member.OrganizationId;
        IsActive = member.IsActive;
        await LoadOrganizationsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            if (await scope.FindMemberAsync(Id) is null)
            {
                return NotFound();
            }
            await LoadOrganizationsAsync();
            return Page();
        }
        var result = await commands.UpdateMemberAsync(Id, Form.ToInput(), OrganizationId, IsActive);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            await LoadOrganizationsAsync();
            return Page();
        }
        TempData["Message"] = "人员信息已修改。";
        return Redirect($"/Members?orgId={OrganizationId}");
    }

    private async Task LoadOrganizationsAsync() =>
        Organizations = await (await scope.OrganizationsAsync()).Where(o => o.IsActive || o.Id == OrganizationId)
            .OrderBy(o => o.Path).AsNoTracking().ToListAsync();
}
