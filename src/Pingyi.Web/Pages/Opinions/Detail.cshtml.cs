using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Opinions;

/// <summary>One opinion: its text and source, its category, its merge group, its problem, and a direct reply when it is no problem.</summary>
public class DetailModel(AppDbContext db, OrgScope scope, OpinionCommands commands, OpinionQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Opinion Opinion { get; private set; } = null!;

    public OpinionRow Row { get; private set; } = null!;

    /// <summary>The head of the merge group first, then the opinions merged into it; just this one when it stands alone.</summary>
    public List<OpinionRow> Group { get; private set; } = [];

    public List<OpinionCategory> Categories { get; private set; } = [];

    public string? CampaignName { get; private set; }

    public string? MeetingTitle { get; private set; }

    [BindProperty]
    public string? Reply { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostCategoryAsync(int? categoryId) =>
        await DoneAsync(await commands.CategorizeAsync(Id, categoryId is 0 ? null : categoryId), "意见类别已修改。");

    public async Task<IActionResult> OnPostReplyAsync() => await DoneAsync(await commands.ReplyAsync(Id, Reply), "答复已保存。");

    public async Task<IActionResult> OnPostUnmergeAsync(Guid member) =>
        await DoneAsync(await commands.UnmergeAsync(member), "已取消合并。");

    private async Task<IActionResult> DoneAsync(OpinionResult result, string message)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/Opinions/Detail/{Id}");
        }
        if (!await LoadAsync())
        {
            return NotFound();
        }
        ModelState.AddModelError("", result.Error!);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await scope.FindOpinionAsync(Id) is not { } opinion)
        {
            return false;
        }
        Opinion = opinion;
        Group = await query.RowsAsync(await commands.GroupOfAsync(opinion));
        Row = Group.Single(r => r.Id == opinion.Id);
        Categories = await db.OpinionCategories.Where(c => c.IsActive || c.Id == opinion.CategoryId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        CampaignName = opinion.CampaignId is { } c ? await db.Campaigns.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync() : null;
        MeetingTitle = opinion.MeetingId is { } m ? await db.Meetings.Where(x => x.Id == m).Select(x => x.Title).FirstOrDefaultAsync() : null;
        return true;
    }
}
