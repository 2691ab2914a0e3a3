using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Identity;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages;

/// <summary>The one-time setup page: usable only while no account exists.</summary>
public class SetupModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountService accounts, AuditLog audit) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await users.Users.AnyAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.Users.AnyAsync())
        {
            return NotFound();
        }
        if (Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("", "两次输入的密码不一致。");
            return Page();
        }
        var error = await accounts.CreateAsync(Input.UserName, Input.DisplayName, Roles.SystemAdmin, null, Input.Password ?? "", Input.UserName);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        var user = await users.FindByNameAsync(Input.UserName!.Trim());
        await audit.WriteAsync(AuditActions.Setup, AuditOutcome.Success, "Account", user!.UserName, "初始设置创建系统管理员", user.UserName);
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/");
    }

    public sealed class SetupInput
    {
        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
