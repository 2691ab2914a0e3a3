using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Data;

namespace Pingyi.Web.Pages.Accounts;

public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string UserName, string DisplayName, string Role, string? OrganizationName, bool IsActive, bool LockedOut);

    public List<Row> Rows { get; private set; } = [];

    public string? NewPassword { get; private set; }

    public async Task OnGetAsync()
    {
        NewPassword = TempData["NewPassword"] as string;
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToDictionaryAsync(x => x.UserId, x => x.Name ?? "");
        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
        Rows = users.Select(u => new Row(u.UserName!, u.DisplayName, roles.GetValueOrDefault(u.Id, ""),
            u.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : null, u.IsActive,
            u.LockoutEnd is { } end && end > now)).ToList();
    }
}
