using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Organizations;

public class MoveModel(OrgScope scope, OrganizationCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public int NewParentId { get; set; }

    public Organization? Organization { get; private set; }

    public List<(int Id, string Name, string Code, int Depth)> Targets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await commands.MoveAsync(Id, NewParentId);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return await LoadAsync() ? Page() : NotFound();
        }
        TempData["Message"] = "组织已移动。";
        return Redirect($"/Organizations/Details/{Id}");
    }

    private async Task<bool> LoadAsync()
    {
        Organization = await scope.FindOrganizationAsync(Id);
        if (Organization is null)
        {
            return false;
        }
        var own = Organization.Path;
        var list = await (await scope.OrganizationsAsync()).Where(o => o.IsActive && !o.Path.StartsWith(own))
            .OrderBy(o => o.Path).AsNoTracking().ToListAsync();
        var baseDepth = list.Count == 0 ? 0 : list.Min(o => OrganizationTree.DepthOf(o.Path));
        Targets = TreeNode.Build(list, new Dictionary<int, int>()).SelectMany(Flatten)
            .Select(o => (o.Id, o.Name, o.Code, OrganizationTree.DepthOf(o.Path) - baseDepth)).ToList();
        return true;
    }

    private static IEnumerable<Organization> Flatten(TreeNode node) =>
        new[] { node.Organization }.Concat(node.Children.SelectMany(Flatten));
}
