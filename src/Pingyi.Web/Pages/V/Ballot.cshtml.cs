using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Pages.Shared;

namespace Pingyi.Web.Pages.V;

/// <summary>
/// The ballot: every assignment of the rater's group on one page, checked on the server, and on
/// success stored through the writer and answered with the receipt.
/// </summary>
public class BallotModel(BallotAccess access, StandInBallotBuilder builder, IBallotWriter writer, TokenKey key) : VPage
{
    public const string OutOfScope = "提交的内容包含不在本评议码评议范围内的评议对象。";
    public const string UnknownItem = "提交的内容包含测评表中没有的项目。";

    public string CampaignName { get; private set; } = "";

    public List<BallotView> Parts { get; } = [];

    /// <summary>Problems with the submission as a whole, shown at the top.</summary>
    public List<string> General { get; } = [];

    public int ErrorCount { get; private set; }

    /// <summary>The element of the first item answered wrongly, for the summary's link.</summary>
    public string? FirstError { get; private set; }

    public int QuestionCount => Parts.Sum(p => p.Version.Items.Count() * Math.Max(1, p.Subjects.Count));

    public async Task<IActionResult> OnGetAsync()
    {
        var (state, plan) = await LoadAsync();
        if (plan is null)
        {
            return Notice(state);
        }
        Show(plan, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (state, plan) = await LoadAsync();
        if (plan is null)
        {
            return Notice(state);
        }

        var posted = Request.Form.Where(f => f.Key.StartsWith("q_", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal);
        var partOf = plan.Parts.SelectMany((p, i) => p.Subjects.Select(s => (s.Id, i))).ToDictionary(x => x.Id, x => x.i);
        var raws = plan.Parts.Select(_ => new RawAnswers()).ToList();
        foreach (var (name, values) in posted)
        {
            var parts = name.Split('_', 3);
            if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var subjectId))
            {
                AddGeneral(UnknownItem);
            }
            else if (!partOf.TryGetValue(subjectId, out var index))
            {
                AddGeneral(OutOfScope);
            }
            else
            {
                raws[index][(subjectId, parts[2])] = values;
            }
        }
        var checks = plan.Parts.Select((p, i) => BallotRules.Check(p.Version, p.Subjects.Select(s => s.Id).ToList(), raws[i])).ToList();
        foreach (var message in checks.SelectMany(c => c.General))
        {
            AddGeneral(message);
        }
        var errors = checks.SelectMany(c => c.Errors)
            .ToDictionary(e => $"q_{e.Key.SubjectId.ToString(CultureInfo.InvariantCulture)}_{e.Key.ItemKey}", e => e.Value, StringComparer.Ordinal);
        if (General.Count > 0 || errors.Count > 0)
        {
            Show(plan, posted, errors);
            return Page();
        }

        var receipt = TokenCodes.NewReceipt();
        var ballots = builder.Build(plan, checks, await key.HashAsync(receipt, HttpContext.RequestAborted));
        var outcome = await writer.SubmitAsync(new BallotSubmission(plan.Token.Id, plan.Campaign.Id, ballots), HttpContext.RequestAborted);
        access.ClearCookie(HttpContext);
        switch (outcome)
        {
            case SubmitOutcome.Stored:
                access.IssueReceipt(HttpContext, receipt);
                return SeeOther("/V/Done");
            case SubmitOutcome.Closed:
                return Notice(AccessState.Ended);
            default:
                return Notice(AccessState.Submitted);
        }
    }

    private async Task<(AccessState, BallotPlan?)> LoadAsync()
    {
        if (access.ReadCookie(HttpContext) is not { } tokenId)
        {
            return (AccessState.Expired, null);
        }
        var state = await access.StateOfAsync(tokenId, HttpContext.RequestAborted);
        if (state == AccessState.Used)
        {
            // The cookie was issued while the token was unused: this rater has submitted already.
            state = AccessState.Submitted;
        }
        return state == AccessState.Usable && await builder.LoadAsync(tokenId, HttpContext.RequestAborted) is { } plan
            ? (state, plan)
            : (state == AccessState.Usable ? AccessState.Expired : state, null);
    }

    private void Show(BallotPlan plan, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, IReadOnlyDictionary<string, string> errors)
    {
        CampaignName = plan.Campaign.Name;
        Parts.AddRange(plan.Parts.Select(p => new BallotView(p.Version)
        {
            Subjects = p.Subjects,
            IdPrefix = $"a{p.Assignment.Id.ToString(CultureInfo.InvariantCulture)}-",
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
