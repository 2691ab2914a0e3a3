using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Identity;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages;

public class IndexModel(UserManager<AppUser> users, OrgScope scope) : PageModel
{
    public int Organizations { get; private set; }

    public int Members { get; private set; }

    public bool CanManage => User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.OrgAdmin);

    public bool CanAudit => User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.Auditor);

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return await users.Users.AnyAsync() ? Page() : RedirectToPage("/Setup");
        }
        Organizations = await (await scope.OrganizationsAsync()).CountAsync(o => o.IsActive);
        Members = await (await scope.MembersAsync()).CountAsync(m => m.IsActive);
        return Page();
    }
}
