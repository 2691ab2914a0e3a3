using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Identity;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Account;

public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (Input.New != Input.Confirm)
        {
            ModelState.AddModelError("", "两次输入的新密码不一致。");
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.Current ?? "", Input.New ?? "");
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError("", e.Description);
            }
            await audit.WriteAsync(AuditActions.PasswordChange, AuditOutcome.Failure, "Account", user.UserName);
            return Page();
        }
        await audit.WriteAsync(AuditActions.PasswordChange, AuditOutcome.Success, "Account", user.UserName);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "密码已修改。";
        return Redirect("/");
    }

    public sealed class PasswordInput
    {
        public string? Current { get; set; }

        public string? New { get; set; }

        public string? Confirm { get; set; }
    }
}
