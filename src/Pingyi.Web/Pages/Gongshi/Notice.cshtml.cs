using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Features.Publishing;

namespace Pingyi.Web.Pages.Gongshi;

/// <summary>
/// One notice for the public, and the objection form while its period runs. A notice that does not
/// stand (withdrawn, or its campaign archived or not published) answers exactly like an unknown id.
/// The objection's 回执码 leaves with a 303 in a short-lived protected cookie, never in a URL.
/// </summary>
[AllowAnonymous]
public class NoticeModel(PublicNotices notices, ObjectionBox box, SuggestionThrottle throttle, ObjectionReceipt receipts) : PageModel
{
    public const string ThrottledMessage = "您提交得太频繁了，请一小时后再试。";

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public int? SubjectId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public NoticeContent Notice { get; private set; } = null!;

    public string? Error { get; private set; }

    public bool Throttled { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync("填写的内容格式不正确，请检查后重试。");
        }
        var result = await box.LodgeAsync(Id, SubjectId is 0 ? null : SubjectId, Text, () => throttle.TryAttempt(HttpContext, SuggestionThrottle.Objections));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Throttled)
        {
            Throttled = true;
            return await FailAsync(ThrottledMessage, StatusCodes.Status429TooManyRequests);
        }
        if (result.Receipt is { } receipt)
        {
            receipts.Issue(HttpContext, receipt);
            // 303: a reload of the next page never lodges the objection twice.
            Response.Headers.Location = "/Gongshi/Done";
            return new StatusCodeResult(StatusCodes.Status303SeeOther);
        }
        return await FailAsync(result.Error!);
    }

    private async Task<IActionResult> FailAsync(string error, int status = StatusCodes.Status400BadRequest)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await notices.FindAsync(Id) is not { } found)
        {
            return false;
        }
        Notice = await notices.ContentAsync(found.Publication, found.Campaign, HttpContext.RequestAborted);
        return true;
    }
}
