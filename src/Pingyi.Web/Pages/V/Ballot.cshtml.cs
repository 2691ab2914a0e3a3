using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Pages.Shared;

namespace Pingyi.Web.Pages.V;

/// <summary>
/// The ballot: every assignment of the rater's group on one page, checked on the server, and on
/// success stored through the writer and answered with the receipt.
/// </summary>
public class BallotModel(BallotAccess access, BallotBuilder builder, IBallotWriter writer, TimeProvider clock) : VPage
{
    public const string UnknownItem = "提交的内容包含测评表中没有的项目。";

    public string CampaignName { get; private set; } = "";

    public List<BallotView> Parts { get; } = [];

    /// <summary>Problems with the submission as a whole, shown at the top.</summary>
    public List<string> General { get; } = [];

    public int ErrorCount { get; private set; }

    /// <summary>The element of the first item answered wrongly, for the summary's link.</summary>
    public string? FirstError { get; private set; }

    /// <summary>The campaign and rater group whose questions are shown.</summary>
    public (int CampaignId, int RaterGroupId) Plan { get; private set; }

    /// <summary>Shown as first opened (no answers kept, no errors), so the shared rendering of <see cref="BallotForms"/> fits.</summary>
    public bool IsPristine { get; private set; }

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
        var build = await builder.BuildAsync(plan, raw, CampaignPlan.Today(clock), HttpContext.RequestAborted);
        foreach (var message in build.General)
        {
            AddGeneral(message);
        }
        if (General.Count > 0 || !build.IsValid)
        {
            var errors = build.Errors.ToDictionary(e => $"q_{e.Key.SubjectId.ToString(CultureInfo.InvariantCulture)}_{e.Key.ItemKey}", e => e.Value, StringComparer.Ordinal);
            Show(plan, posted, errors);
            return Page();
        }

        var outcome = await writer.SubmitAsync(build.Submission!, HttpContext.RequestAborted);
        access.ClearCookie(HttpContext);
        switch (outcome)
        {
            case SubmitOutcome.Stored:
                access.IssueReceipt(HttpContext, build.Receipt!);
                return SeeOther("/V/Done");
            case SubmitOutcome.Closed:
                return Notice(AccessState.Ended);
            default:
                return Notice(AccessState.Submitted);
        }
    }

    private async Task<(AccessState, TokenAdmission?)> LoadAsync()
    {
        if (access.ReadCookie(HttpContext) is not { } tokenId)
        {
            return (AccessState.Expired, null);
        }
        var (state, admission) = await access.AdmitAsync(tokenId, HttpContext.RequestAborted);
        return state switch
        {
            AccessState.Usable => (state, admission),
            // The cookie was issued while the token was unused: this rater has submitted already.
            AccessState.Used => (AccessState.Submitted, null),
            AccessState.Unknown => (AccessState.Expired, null),
            _ => (state, null),
        };
    }

    private void Show(TokenAdmission plan, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, IReadOnlyDictionary<string, string> errors)
    {
        CampaignName = plan.Campaign.Name;
        Plan = (plan.Campaign.Id, plan.Token.RaterGroupId);
        IsPristine = answers.Count == 0 && errors.Count == 0;
        Parts.AddRange(plan.Assignments.Select(a => new BallotView(a.FormVersion!)
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
