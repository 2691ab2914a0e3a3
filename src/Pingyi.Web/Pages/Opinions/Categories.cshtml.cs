using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Pages.Opinions;

/// <summary>The system-wide opinion categories: the system administrator adds, renames, reorders and retires them.</summary>
[Authorize(Policy = Policies.System)]
public class CategoriesModel(AppDbContext db, CategoryCommands commands) : PageModel
{
    public List<(OpinionCategory Category, int Opinions)> Rows { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync() => await DoneAsync(await commands.AddAsync(Name), "类别已新增。");

    public async Task<IActionResult> OnPostRenameAsync(int id) => await DoneAsync(await commands.RenameAsync(id, Name), "类别已改名。");

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up) => await DoneAsync(await commands.MoveAsync(id, up), "顺序已调整。");

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active) =>
        await DoneAsync(await commands.SetActiveAsync(id, active), active ? "类别已恢复。" : "类别已停用；已有的意见保留该类别。");

    private async Task<IActionResult> DoneAsync(CommandResult result, string message)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect("/Opinions/Categories");
        }
        await LoadAsync();
        ModelState.AddModelError("", result.Error!);
        return Page();
    }

    private async Task LoadAsync()
    {
        var categories = await db.OpinionCategories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        var used = await db.Opinions.Where(o => o.CategoryId != null).GroupBy(o => o.CategoryId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Rows = categories.Select(c => (c, used.GetValueOrDefault(c.Id))).ToList();
    }
}
