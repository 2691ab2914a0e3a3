using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Organizations;

public class IndexModel(OrgScope scope) : PageModel
{
    public List<TreeNode> Roots { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "all")]
    public bool ShowInactive { get; set; }

    public bool IsSystemAdmin => scope.IsSystemAdmin;

    public async Task OnGetAsync()
    {
        var organizations = await scope.OrganizationsAsync();
        if (!ShowInactive)
        {
            organizations = organizations.Where(o => o.IsActive);
        }
        var list = await organizations.OrderBy(o => o.Path.Length).ThenBy(o => o.Path).AsNoTracking().ToListAsync();
        var counts = await (await scope.MembersAsync()).Where(m => m.IsActive)
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        Roots = TreeNode.Build(list, counts);
    }
}
