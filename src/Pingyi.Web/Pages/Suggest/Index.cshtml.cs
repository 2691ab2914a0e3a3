using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Pages.Campaigns;

namespace Pingyi.Web.Pages.Suggest;

/// <summary>
/// 网上意见箱: anyone may leave an opinion about an organisation, without an account. Nothing about
/// the sender is kept; they get a 回执码 to read the reply later. Each address may leave a few an hour.
/// </summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, OpinionCommands commands, SuggestionThrottle throttle, SuggestionReceipt receipts) : PageModel
{
    public const string ThrottledMessage = "您提交得太频繁了，请一小时后再试。";

    [BindProperty]
    public int OrganizationId { get; set; }

    [BindProperty]
    public int? CategoryId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public List<OrgOption> Organizations { get; private set; } = [];

    public List<OpinionCategory> Categories { get; private set; } = [];

    public string? Error { get; private set; }

    public bool Throttled { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            Error = "填写的内容格式不正确，请检查后重试。";
            await LoadAsync();
            return Page();
        }
        var result = await commands.SubmitPublicAsync(OrganizationId, CategoryId is 0 ? null : CategoryId, Text, () => throttle.TryAttempt(HttpContext));
        if (result.Throttled)
        {
            Throttled = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (result.Receipt is { } receipt)
        {
            receipts.Issue(HttpContext, receipt);
            // 303: a reload of the next page never posts the suggestion twice.
            Response.Headers.Location = "/Suggest/Done";
            return new StatusCodeResult(StatusCodes.Status303SeeOther);
        }
        Error = result.Error;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Organizations = await OrgOption.ListAsync(db.Organizations);
        Categories = await db.OpinionCategories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
    }
}
