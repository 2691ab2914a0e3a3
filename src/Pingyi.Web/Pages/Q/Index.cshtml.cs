using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
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
    public const string UnknownItem = "提交的内容包含测评表中没有的项目。";

    public ChannelState State { get; private set; }

    public ChannelVisit? Visit { get; private set; }

    public List<BallotView> Parts { get; } = [];

    public List<string> General { get; } = [];

    public int ErrorCount { get; private set; }

    public string? FirstError { get; private set; }

    public bool IsPristine { get; private set; }

    public int QuestionCount => Parts.Sum(p => p.Version.Items.Count() * Math.Max(1, p.Subjects.Count));

    public async Task<IActionResult> OnGetAsync(string? code)
    {
        if (await LoadAsync(code) is not { } visit)
        {
            return Notice(State);
        }
        Show(visit, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (await LoadAsync(code) is not { } visit)
        {
            return Notice(State);
        }
        var posted = Request.Form.Where(f => f.Key.StartsWith("q_", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal);
        var raw = new RawAnswers();
        foreach (var (name, values) in posted)
        {
            var parts = name.Split('_', 3);
            if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var subjectId))
            {
                AddGeneral(UnknownItem);
            }
            else
            {
                raw[(subjectId, parts[2])] = values;
            }
        }
        var scope = new BallotScope(visit.Campaign.Id, visit.Channel.RaterGroupId, visit.Assignments, BallotChannel.Standing)
        {
            StandingChannelId = visit.Channel.Id,
        };
        var build = await builder.BuildAsync(scope, raw, CampaignPlan.Today(clock), HttpContext.RequestAborted);
        foreach (var message in build.General)
        {
            AddGeneral(message);
        }
        if (General.Count > 0 || !build.IsValid)
        {
            var errors = build.Errors.ToDictionary(e => $"q_{e.Key.SubjectId.ToString(CultureInfo.InvariantCulture)}_{e.Key.ItemKey}", e => e.Value, StringComparer.Ordinal);
            Show(visit, posted, errors);
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

    private void Show(ChannelVisit visit, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, IReadOnlyDictionary<string, string> errors)
    {
        Visit = visit;
        IsPristine = answers.Count == 0 && errors.Count == 0;
        Parts.AddRange(visit.Assignments.Select(a => new BallotView(a.FormVersion!)
        {
            Subjects = CampaignPlan.Ordered(a.Subjects).Select(s => new BallotSubject(s.Id, CampaignRules.SubjectName(s))).ToList(),
            IdPrefix = $"a{a.Id.ToString(CultureInfo.InvariantCulture)}-",
            Answers = answers,
            Errors = errors,
        }));
        ErrorCount = errors.Count;
        FirstError = Parts.SelectMany(v => v.Version.Items.SelectMany(i => v.Rows.Select(s => (v, i, s))))
            .Where(x => x.v.ErrorOf(x.i, x.s) is not null)
            .Select(x => x.v.IsMatrix ? $"f-{BallotView.FieldName(x.i, x.s?.Id)}" : x.v.ElementId(x.i))
            .FirstOrDefault();
    }

    private void AddGeneral(string message)
    {
        if (!General.Contains(message))
        {
            General.Add(message);
        }
    }
}
