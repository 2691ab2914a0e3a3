using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Identity;

/// <summary>Creating and changing accounts, shared by the setup page, the accounts pages, the CLI and the demo.</summary>
public sealed class AccountService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db,
    AuditLog audit, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates an account; returns a Chinese reason on refusal, null on success.</summary>
    public async Task<string?> CreateAsync(string? userName, string? displayName, string role, int? organizationId,
        string password, string? actor = null)
    {
        var error = await CheckAsync(userName, displayName, role, organizationId);
        if (error is not null)
        {
            return error;
        }
        await EnsureRolesAsync();
        var user = new AppUser
        {
            UserName = userName!.Trim(),
            DisplayName = displayName!.Trim(),
            OrganizationId = role == Roles.OrgAdmin ? organizationId : null,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return string.Join(" ", created.Errors.Select(e => e.Description));
        }
        await users.AddToRoleAsync(user, role);
        audit.Add(AuditActions.AccountCreate, AuditOutcome.Success, "Account", user.UserName,
            $"{user.DisplayName}，角色：{Roles.NameOf(role)}{(user.OrganizationId is { } o ? $"，管理组织 {o}" : "")}", actor);
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<string?> CheckAsync(string? userName, string? displayName, string role, int? organizationId)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return "用户名不能为空。";
        }
        if (userName.Trim().Length > 64)
        {
            return "用户名不能超过64个字符。";
        }
        if (TextRules.CheckName(displayName, "姓名", AppUser.DisplayNameMaxLength) is { } nameError)
        {
            return nameError;
        }
        if (!Roles.All.Contains(role))
        {
            return "请选择角色。";
        }
        if (role == Roles.OrgAdmin)
        {
            if (organizationId is null || !await db.Organizations.AnyAsync(o => o.Id == organizationId && o.IsActive))
            {
                return "组织管理员必须指定一个启用中的组织。";
            }
        }
        return null;
    }

    public async Task<string> RoleOfAsync(AppUser user) =>
        (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
}
