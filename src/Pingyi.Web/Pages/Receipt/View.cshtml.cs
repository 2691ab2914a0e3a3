using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Replies;

namespace Pingyi.Web.Pages.Receipt;

/// <summary>The holder's own ballots and opinions, reached only through the lookup's cookie; re-rating a replied opinion.</summary>
[AllowAnonymous]
public class ViewModel(ReceiptLookup lookup, ReceiptCookie cookie, TimeProvider clock) : PageModel
{
    public ReceiptView? View { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (cookie.Read(HttpContext) is not { } hash)
        {
            return Expired();
        }
        View = await lookup.LoadAsync(hash, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(Guid opinion, int? rating)
    {
        if (cookie.Read(HttpContext) is not { } hash)
        {
            return Expired();
        }
        var outcome = rating is { } r && Enum.IsDefined((ReRating)r)
            ? await lookup.RateAsync(hash, opinion, (ReRating)r, CampaignPlan.Today(clock), HttpContext.RequestAborted)
            : (RateOutcome?)null;
        if (outcome == RateOutcome.Rated)
        {
            TempData["Message"] = "感谢您的评价！如需修改，可重新选择后提交，以最后一次为准。";
            Response.Headers.Location = "/Receipt/View";
            return new StatusCodeResult(StatusCodes.Status303SeeOther);
        }
        Error = outcome switch
        {
            null => "请选择满意、基本满意或不满意后再提交。",
            RateOutcome.NotReplied => "该意见尚未答复，答复后才能评价。",
            _ => "没有找到这条意见，请刷新页面后重试。",
        };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        View = await lookup.LoadAsync(hash, HttpContext.RequestAborted);
        return Page();
    }

    private PageResult Expired()
    {
        Error = ReceiptMessages.Expired;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
