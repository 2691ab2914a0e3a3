using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Organizations;

public class DetailsModel(AppDbContext db, OrgScope scope, OrganizationCommands commands) : PageModel
{
    public Organization? Organization { get; private set; }

    public List<Organization> Ancestors { get; private set; } = [];

    public List<Organization> Children { get; private set; } = [];

    public int MemberCount { get; private set; }

    public bool IsScopeRoot { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostDeactivateAsync(int id) => SetActiveAsync(id, false);

    public Task<IActionResult> OnPostReactivateAsync(int id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        var result = await commands.SetActiveAsync(id, active);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            db.ChangeTracker.Clear();
            return await LoadAsync(id) ? Page() : NotFound();
        }
        TempData["Message"] = active ? "组织已重新启用。" : "组织已停用，历史记录保留。";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Organization = await scope.FindOrganizationAsync(id);
        if (Organization is null)
        {
            return false;
        }
        IsScopeRoot = scope.IsScopeRoot(Organization);
        var scopePath = await scope.PathAsync() ?? "/";
        var ancestorIds = OrganizationTree.IdsOf(Organization.Path).SkipLast(1).ToList();
        Ancestors = (await db.Organizations.Where(o => ancestorIds.Contains(o.Id)).AsNoTracking().ToListAsync())
            .Where(o => OrganizationTree.IsWithin(o.Path, scopePath))
            .OrderBy(o => o.Path.Length).ToList();
        Children = await db.Organizations.Where(o => o.ParentId == id).OrderBy(o => o.SortOrder).ThenBy(o => o.Id).AsNoTracking().ToListAsync();
        MemberCount = await db.Members.CountAsync(m => m.OrganizationId == id && m.IsActive);
        return true;
    }
}
