using Microsoft.AspNetCore.Mvc;
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
    public string CampaignName { get; private set; } = "";

    public BallotPageState Form { get; } = new();

    /// <summary>The campaign and rater group whose questions are shown.</summary>
    public (int CampaignId, int RaterGroupId) Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (state, plan) = await LoadAsync();
        if (plan is null)
        {
            return Notice(state);
        }
        Show(plan);
        Form.Show(plan.Assignments);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (state, plan) = await LoadAsync();
        if (plan is null)
        {
            return Notice(state);
        }

        var raw = Form.Read(Request.Form);
        var build = await builder.BuildAsync(plan, raw, CampaignPlan.Today(clock), HttpContext.RequestAborted);
        Show(plan);
        if (!Form.Accept(build, plan.Assignments))
        {
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

    private void Show(TokenAdmission plan)
    {
        CampaignName = plan.Campaign.Name;
        Plan = (plan.Campaign.Id, plan.Token.RaterGroupId);
    }
}
