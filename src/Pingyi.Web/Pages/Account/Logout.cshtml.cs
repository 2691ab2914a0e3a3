using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Identity;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Account;

public class LogoutModel(SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync(AuditActions.SignOut, AuditOutcome.Success, "Account", User.Identity.Name);
            await signIn.SignOutAsync();
        }
        return Redirect("/");
    }
}
