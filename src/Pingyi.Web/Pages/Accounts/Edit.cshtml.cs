using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Accounts;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Accounts;

public class EditModel(AppDbContext db, UserManager<AppUser> users, AccountService accounts, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty]
    public AccountFields Fields { get; set; } = new();

    [BindProperty]
    public bool IsActive { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindAsync();
        if (user is null)
        {
            return NotFound();
        }
        Fields.DisplayName = user.DisplayName;
        Fields.Role = await accounts.RoleOfAsync(user);
        Fields.OrganizationId = user.OrganizationId;
        IsActive = user.IsActive;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindAsync();
        if (user is null)
        {
            return NotFound();
        }
        var error = await accounts.CheckAsync(user.UserName, Fields.DisplayName, Fields.Role, Fields.OrganizationId);
        if (error is null && user.UserName == User.Identity?.Name && (!IsActive || Fields.Role != Roles.SystemAdmin))
        {
            error = "不能停用自己的账户，也不能取消自己的系统管理员角色。";
        }
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            await LoadAsync();
            return Page();
        }
        var oldRole = await accounts.RoleOfAsync(user);
        var before = $"{user.DisplayName} {Roles.NameOf(oldRole)} 组织{user.OrganizationId} {(user.IsActive ? "启用" : "停用")}";
        user.DisplayName = Fields.DisplayName!.Trim();
        user.OrganizationId = Fields.Role == Roles.OrgAdmin ? Fields.OrganizationId : null;
        user.IsActive = IsActive;
        await users.UpdateAsync(user);
        if (oldRole != Fields.Role)
        {
            if (oldRole.Length > 0)
            {
                await users.RemoveFromRoleAsync(user, oldRole);
            }
            await users.AddToRoleAsync(user, Fields.Role);
        }
        // A new security stamp ends the account's open sessions at their next check.
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(AuditActions.AccountUpdate, AuditOutcome.Success, "Account", user.UserName,
            $"{before} → {user.DisplayName} {Roles.NameOf(Fields.Role)} 组织{user.OrganizationId} {(user.IsActive ? "启用" : "停用")}");
        TempData["Message"] = "账户已保存。";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        var user = await FindAsync();
        if (user is null)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditActions.AccountUpdate, AuditOutcome.Success, "Account", user.UserName, "解除锁定");
        TempData["Message"] = "已解除锁定。";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync()
    {
        var user = await FindAsync();
        if (user is null)
        {
            return NotFound();
        }
        var password = PasswordGenerator.New([user.UserName ?? ""]);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        await audit.WriteAsync(AuditActions.PasswordChange, result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure,
            "Account", user.UserName, "管理员重置密码");
        TempData["NewPassword"] = result.Succeeded ? password : null;
        TempData["Message"] = result.Succeeded ? $"账户 {user.UserName} 的密码已重置。" : "重置密码失败。";
        return RedirectToPage("Index");
    }

    private async Task<AppUser?> FindAsync() =>
        string.IsNullOrWhiteSpace(UserName) ? null : await users.FindByNameAsync(UserName.Trim());

    private async Task LoadAsync() =>
        Fields.Organizations = await db.Organizations.Where(o => o.IsActive || o.Id == Fields.OrganizationId)
            .OrderBy(o => o.Path).AsNoTracking().ToListAsync();
}
