using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Members;

public class IndexModel(OrgScope scope) : PageModel
{
    public const int PageSize = 500;

    [BindProperty(SupportsGet = true)]
    public int? OrgId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public MemberRole? Role { get; set; }

    public Organization? Organization { get; private set; }

    public List<Member> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var members = await scope.MembersAsync();
        if (OrgId is { } id)
        {
            Organization = await scope.FindOrganizationAsync(id);
            if (Organization is null)
            {
                return NotFound();
            }
            var path = Organization.Path;
            members = members.Where(m => m.Organization!.Path.StartsWith(path));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            q = q.Length > 50 ? q[..50] : q;
            members = members.Where(m => m.Name.Contains(q) || (m.Position != null && m.Position.Contains(q)) || m.EmployeeNo == q);
        }
        if (Role is { } role)
        {
            members = members.Where(m => m.Role == role);
        }
        Total = await members.CountAsync();
        Rows = await members.Include(m => m.Organization).OrderBy(m => m.Organization!.Path).ThenBy(m => m.Id)
            .Take(PageSize).AsNoTracking().ToListAsync();
        return Page();
    }
}
