using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Identity;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.Users.AnyAsync() ? Page() : RedirectToPage("/Setup");

    public async Task<IActionResult> OnPostAsync()
    {
        var userName = (Input.UserName ?? "").Trim();
        if (userName.Length is 0 or > 64 || string.IsNullOrEmpty(Input.Password) || Input.Password.Length > 128)
        {
            ModelState.AddModelError("", "请输入用户名和密码。");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(userName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, AuditOutcome.Success, "Account", userName, actor: userName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, AuditOutcome.Denied, "Account", userName, "账户已锁定，拒绝登录", userName);
            ModelState.AddModelError("", "由于多次输错密码，账户已被锁定，请 30 分钟后再试，或联系系统管理员解锁。");
            return Page();
        }
        await audit.WriteAsync(AuditActions.SignIn, AuditOutcome.Failure, "Account", userName,
            result.IsNotAllowed ? "账户已停用" : "用户名或密码错误", userName);
        ModelState.AddModelError("", "用户名或密码错误，或账户已停用。");
        return Page();
    }

    public sealed class LoginInput
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
