using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Features.Channels;

/// <summary>Whether a standing QR admits a rater now, or why not.</summary>
public enum ChannelState
{
    Usable = 0,
    Unknown = 1,
    Inactive = 2,
    NotStarted = 3,
    Ended = 4,
    DeviceLimit = 5,
    AddressLimit = 6,
}

/// <summary>
/// What a rater is told, and the status answered, when a standing QR admits nobody. Both limits
/// answer 429 (too many requests), like the code throttle: the page is calm and clear, and the
/// status tells a script or a monitor that nothing was taken.
/// </summary>
public static class ChannelMessages
{
    public const string Unknown = "没有找到这个评议二维码，请核对后重新扫描，或向工作人员询问。";
    public const string Inactive = "这个评议二维码目前没有开放评价，感谢您的关注。";
    public const string DeviceLimit = "今天您已经评价过了，感谢参与！明天可以再次评价。";
    public const string AddressLimit = "您所在的网络一小时内提交的评价已经很多，请稍后再试，或改用手机数据网络。";

    public static (int Status, string Title, string Message) Of(ChannelState state) => state switch
    {
        ChannelState.Unknown => (StatusCodes.Status404NotFound, "二维码无效", Unknown),
        ChannelState.Inactive => (StatusCodes.Status403Forbidden, "暂未开放", Inactive),
        ChannelState.NotStarted => (StatusCodes.Status403Forbidden, "评议尚未开始", AccessMessages.NotStarted),
        ChannelState.Ended => (StatusCodes.Status403Forbidden, "评议已结束", AccessMessages.Ended),
        ChannelState.DeviceLimit => (StatusCodes.Status429TooManyRequests, "今天已评价", DeviceLimit),
        _ => (StatusCodes.Status429TooManyRequests, "请稍后再试", AddressLimit),
    };
}

/// <summary>A usable standing channel: its campaign, the place as shown, and its group's assignments (shared, read-only).</summary>
public sealed record ChannelVisit(StandingChannel Channel, Campaign Campaign, string OrganizationName, IReadOnlyList<Assignment> Assignments);

/// <summary>
/// Finds what a standing QR's public code admits and carries the receipt to the done page in a
/// short-lived protected cookie, as the phone ballot does, so it is never in a URL.
/// </summary>
public sealed class ChannelAccess(AppDbContext db, BallotPlans plans, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string ReceiptCookieName = "pingyi.qr";
    public static readonly TimeSpan ReceiptLifetime = TimeSpan.FromMinutes(10);

    private ITimeLimitedDataProtector Receipts => protection.CreateProtector("Pingyi.StandingChannel.Receipt").ToTimeLimitedDataProtector();

    public async Task<(ChannelState State, ChannelVisit? Visit)> FindAsync(string? code, CancellationToken ct)
    {
        if (TokenCodes.NormalizeLong(code) is not { } normal)
        {
            return (ChannelState.Unknown, null);
        }
        var found = await db.StandingChannels.AsNoTracking().Where(c => c.Code == normal)
            .Join(db.Campaigns.AsNoTracking(), c => c.CampaignId, k => k.Id, (c, k) => new { Channel = c, Campaign = k })
            .Join(db.Organizations, x => x.Channel.OrganizationId, o => o.Id, (x, o) => new { x.Channel, x.Campaign, o.Name })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return (ChannelState.Unknown, null);
        }
        var today = CampaignPlan.Today(clock);
        var campaign = found.Campaign;
        if (!found.Channel.Active)
        {
            return (ChannelState.Inactive, null);
        }
        if (!CampaignRules.AcceptsBallots(campaign, today))
        {
            var notStarted = campaign.State == CampaignState.Draft || (campaign.State == CampaignState.Open && today < campaign.StartsOn);
            return (notStarted ? ChannelState.NotStarted : ChannelState.Ended, null);
        }
        // Only now is the campaign known to be open, the one case in which the plan may be cached.
        var assignments = await plans.OfAsync(db, campaign.Id, found.Channel.RaterGroupId, ct);
        return assignments.Count == 0
            ? (ChannelState.Inactive, null)
            : (ChannelState.Usable, new ChannelVisit(found.Channel, campaign, found.Name, assignments));
    }

    public void IssueReceipt(HttpContext context, string receipt)
    {
        var expires = clock.GetUtcNow() + ReceiptLifetime;
        context.Response.Cookies.Append(ReceiptCookieName, Receipts.Protect(receipt, expires), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = ChannelDevice.CookiePath,
            Expires = expires,
            IsEssential = true,
        });
    }

    public string? ReadReceipt(HttpContext context)
    {
        if (context.Request.Cookies[ReceiptCookieName] is not { Length: > 0 } value)
        {
            return null;
        }
        try
        {
            return Receipts.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
