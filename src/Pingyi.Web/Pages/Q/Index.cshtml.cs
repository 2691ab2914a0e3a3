using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Channels;
using Pingyi.Web.Pages.Shared;

namespace Pingyi.Web.Pages.Q;

/// <summary>
/// 平时评议: the public page of a standing QR. The code in the URL is printed on the wall, so it is
/// no secret and needs no exchange for a cookie. Repeat voting is held back by the device cookie
/// (<see cref="ChannelDevice"/>) and the per-address limit (<see cref="StandingThrottle"/>), both
/// checked on showing and on submitting; nothing about the device or address is stored or logged.
/// </summary>
[AllowAnonymous]
public class IndexModel(ChannelAccess access, ChannelDevice device, StandingThrottle throttle, BallotBuilder builder,
    IBallotWriter writer, TimeProvider clock) : PageModel
{
    public ChannelState State { get; private set; }

    public ChannelVisit? Visit { get; private set; }

    public BallotPageState Form { get; } = new();

    public async Task<IActionResult> OnGetAsync(string? code)
    {
        if (await LoadAsync(code) is not { } visit)
        {
            return Notice(State);
        }
        Visit = visit;
        Form.Show(visit.Assignments);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (await LoadAsync(code) is not { } visit)
        {
            return Notice(State);
        }
        var raw = Form.Read(Request.Form);
        var scope = new BallotScope(visit.Campaign.Id, visit.Channel.RaterGroupId, visit.Assignments, BallotChannel.Standing)
        {
            StandingChannelId = visit.Channel.Id,
        };
        var build = await builder.BuildAsync(scope, raw, CampaignPlan.Today(clock), HttpContext.RequestAborted);
        if (!Form.Accept(build, visit.Assignments))
        {
            Visit = visit;
            return Page();
        }
        // Counted only for a complete ballot about to be stored, so correcting a form costs nothing.
        if (!throttle.TryCount(HttpContext))
        {
            return Notice(ChannelState.AddressLimit);
        }
        switch (await writer.SubmitAsync(build.Submission!, HttpContext.RequestAborted))
        {
            case SubmitOutcome.Stored:
                device.Count(HttpContext, visit.Channel.Id);
                access.IssueReceipt(HttpContext, build.Receipt!);
                Response.Headers.Location = "/Q/Done";
                return new StatusCodeResult(StatusCodes.Status303SeeOther);
            case SubmitOutcome.Closed:
                return Notice(ChannelState.Ended);
            default:
                return Notice(ChannelState.Inactive);
        }
    }

    /// <summary>The channel if it takes a ballot from this device and address now; otherwise null with <see cref="State"/> saying why.</summary>
    private async Task<ChannelVisit?> LoadAsync(string? code)
    {
        var (state, visit) = await access.FindAsync(code, HttpContext.RequestAborted);
        State = visit is null ? state
            : device.Exhausted(HttpContext, visit.Channel.Id, visit.Channel.DailyLimit) ? ChannelState.DeviceLimit
            : throttle.Exhausted(HttpContext) ? ChannelState.AddressLimit
            : ChannelState.Usable;
        return State == ChannelState.Usable ? visit : null;
    }

    private PageResult Notice(ChannelState state)
    {
        State = state;
        Response.StatusCode = ChannelMessages.Of(state).Status;
        return Page();
    }
}
