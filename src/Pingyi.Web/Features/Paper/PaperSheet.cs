using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Features.Paper;

/// <summary>One field a clerk types: an item of a form for one subject, named "subjectId_itemKey".</summary>
public sealed record PaperField(string Key, int SubjectId, string SubjectName, FormItem Item)
{
    /// <summary>The printed legend beside the field: "1 满意 2 基本满意 3 不满意", "0–10", the option numbers.</summary>
    public string Legend => Item.Kind switch
    {
        ItemKind.Grade => string.Join(" ", GradeScales.Of(Item.Scale).Select(l => $"{l.Value} {l.Label}")),
        ItemKind.Score => $"0–{Item.MaxScore.ToString(CultureInfo.InvariantCulture)} 分",
        ItemKind.SingleChoice => string.Join(" ", Item.Options.Select((o, i) => $"{i + 1} {o}")),
        ItemKind.MultipleChoice => string.Join(" ", Item.Options.Select((o, i) => $"{i + 1} {o}"))
            + (Item.Options.Count < 10 ? "（可多选，如 13）" : "（可多选，用空格分隔，如 1 12）"),
        _ => Item.Required ? "必填" : "选填",
    };
}

/// <summary>One item of a form with its fields, one per subject, in the order of the paper form.</summary>
public sealed record PaperQuestion(int Number, FormItem Item, IReadOnlyList<PaperField> Fields);

/// <summary>One assignment as typed: the form's title, its subjects and its questions.</summary>
public sealed record PaperPart(int AssignmentId, string Title, IReadOnlyList<string> Subjects, IReadOnlyList<PaperQuestion> Questions);

/// <summary>
/// A meeting as its paper is typed: the campaign, whether it accepts ballots now, and (when it
/// does) every field of every assignment of the meeting's rater group in the paper form's order.
/// </summary>
public sealed record PaperSheet(Meeting Meeting, Campaign Campaign, IReadOnlyList<Assignment> Assignments, IReadOnlyList<PaperPart> Parts, string? Closed)
{
    public IEnumerable<PaperField> Fields => Parts.SelectMany(p => p.Questions).SelectMany(q => q.Fields);

    public static async Task<PaperSheet> LoadAsync(AppDbContext db, BallotPlans plans, Meeting meeting, DateOnly today, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == meeting.CampaignId, cancellationToken);
        string? closed = null;
        if (!CampaignRules.AcceptsBallots(campaign, today))
        {
            closed = $"评议活动“{campaign.Name}”当前不接收评议（{CampaignLabels.Of(campaign.State)}，评议期 {campaign.StartsOn:yyyy-MM-dd} 至 {campaign.EndsOn:yyyy-MM-dd}），不能录入纸质测评票。";
        }
        else if (meeting.RaterGroupId is null)
        {
            closed = "这次评议会还没有指定评议人类别，请先在评议会信息中选择。";
        }
        else if (meeting.FormsIssued == 0)
        {
            closed = "这次评议会还没有登记发放的测评表份数。";
        }
        // The cached plan is only read for an open campaign (BallotPlans); a closed one shows no fields.
        var assignments = closed is null
            ? await plans.OfAsync(db, campaign.Id, meeting.RaterGroupId!.Value, cancellationToken)
            : [];
        if (closed is null && assignments.Count == 0)
        {
            closed = "这个评议人类别没有安排测评表，无法录入。";
        }
        return new PaperSheet(meeting, campaign, assignments, assignments.Select(PartOf).ToList(), closed);
    }

    private static PaperPart PartOf(Assignment a)
    {
        var subjects = CampaignPlan.Ordered(a.Subjects).Select(s => (s.Id, Name: CampaignRules.SubjectName(s))).ToList();
        var questions = a.FormVersion!.Items.Select((item, i) => new PaperQuestion(i + 1, item,
            subjects.Select(s => new PaperField(PaperRules.FieldKey(s.Id, item.Key), s.Id, s.Name, item)).ToList())).ToList();
        return new PaperPart(a.Id, a.FormVersion.Title, subjects.Select(s => s.Name).ToList(), questions);
    }
}
