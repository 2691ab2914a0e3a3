using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Accounts;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Pages.Accounts;

public class CreateModel(AppDbContext db, AccountService accounts) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public AccountFields Fields { get; set; } = new();

    public async Task OnGetAsync() => Fields.Organizations = await ActiveOrganizationsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var password = PasswordGenerator.New([UserName ?? ""]);
        var error = ModelState.IsValid
            ? await accounts.CreateAsync(UserName, Fields.DisplayName, Fields.Role, Fields.OrganizationId, password)
            : "填写的内容格式不正确，请检查后重试。";
        if (error is not null)
        {
            ModelState.Clear();
            ModelState.AddModelError("", error);
            Fields.Organizations = await ActiveOrganizationsAsync();
            return Page();
        }
        TempData["NewPassword"] = password;
        TempData["Message"] = $"账户 {UserName?.Trim()} 已创建。";
        return RedirectToPage("Index");
    }

    private Task<List<Pingyi.Domain.Organizations.Organization>> ActiveOrganizationsAsync() =>
        db.Organizations.Where(o => o.IsActive).OrderBy(o => o.Path).AsNoTracking().ToListAsync();
}
