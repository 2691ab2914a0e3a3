using Microsoft.AspNetCore.Mvc;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Campaigns;

public class DetailsModel(AppDbContext db, OrgScope scope, CampaignCommands commands, TimeProvider clock) : PlanPageModel(db, scope)
{
    /// <summary>What each lifecycle button does, in the words the administrator sees beside it.</summary>
    public static readonly IReadOnlyDictionary<CampaignState, (string Button, string Explanation)> Steps =
        new Dictionary<CampaignState, (string, string)>
        {
            [CampaignState.Open] = ("开始评议",
                "开始后，评议期内即可接收评议。评议对象、评议人类别、评议安排、测评表和最小分组人数都不能再修改，所用测评表的版本将被冻结；之后只能延长评议期。"),
            [CampaignState.Closed] = ("结束评议", "结束后立即停止接收评议，即使评议期还没有到期。结束后不能重新开始。"),
            [CampaignState.Published] = ("公示", $"按默认公示期（{Domain.Publishing.Publication.DefaultNoticeDays}个工作日）发布公示：评议结果向群众公示，公示期内可提出异议。要设置公示期和说明，请使用下方“公示”链接。"),
            [CampaignState.Archived] = ("归档", "归档后活动只作为历史记录保存，不再变动。"),
        };

    public PlanMatrix Matrix { get; private set; } = null!;

    public List<PlanIssue> Issues { get; private set; } = [];

    public bool AcceptsBallots { get; private set; }

    [BindProperty]
    public string? EndsOn { get; set; }

    public Task<IActionResult> OnGetAsync(int id) => ShowAsync(id);

    public async Task<IActionResult> OnPostStateAsync(int id, CampaignState to)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(id);
        }
        return await DoneAsync(id, await commands.TransitionAsync(id, to), $"评议活动已改为“{CampaignLabels.Of(to)}”。");
    }

    public async Task<IActionResult> OnPostExtendAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(id);
        }
        var error = CampaignText.ParseDate(EndsOn, "新的结束日期", out var endsOn);
        if (error is not null || endsOn == default)
        {
            return await FailAsync(id, error ?? "请填写新的结束日期。");
        }
        return await DoneAsync(id, await commands.ExtendAsync(id, endsOn), $"评议期已调整为至 {CampaignText.Format(endsOn)}。");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var result = await commands.DeleteAsync(id);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(id, error);
        }
        TempData["Message"] = "评议活动草稿已删除。";
        return Redirect("/Campaigns");
    }

    protected override Task LoadChoicesAsync()
    {
        Matrix = new PlanMatrix(Campaign);
        Issues = CampaignRules.CheckPlan(Campaign).OrderByDescending(i => i.Blocking).ToList();
        AcceptsBallots = CampaignRules.AcceptsBallots(Campaign, CampaignPlan.Today(clock));
        EndsOn ??= CampaignText.Format(Campaign.EndsOn);
        return Task.CompletedTask;
    }
}
