using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Opinions;

public sealed class OpinionForm
{
    public OpinionSource Source { get; set; } = OpinionSource.Letter;

    public int OrganizationId { get; set; }

    public int? CampaignId { get; set; }

    public int? MeetingId { get; set; }

    public int? CategoryId { get; set; }

    public string? Text { get; set; }

    public string? ReceivedOn { get; set; }

    public string? SourceNote { get; set; }

    public bool IssueReceipt { get; set; }
}

/// <summary>
/// Staff type in an opinion heard at a meeting, an interview or a visit, or received by letter or
/// hotline. The raiser is never named; a 回执码 may be issued for them, shown here once.
/// </summary>
public class NewModel(AppDbContext db, OrgScope scope, OpinionCommands commands) : PageModel
{
    [BindProperty]
    public OpinionForm Form { get; set; } = new();

    public OpinionChoices Choices { get; private set; } = null!;

    public List<Meeting> Meetings { get; private set; } = [];

    /// <summary>Set only in the answer to a successful POST: the receipt in clear, shown this once.</summary>
    public string? Receipt { get; private set; }

    public Guid? CreatedId { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Form.ReceivedOn = CampaignText.Format(commands.Today);
        Form.OrganizationId = Choices.Organizations.FirstOrDefault()?.Id ?? 0;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return Page();
        }
        var dateError = CampaignText.ParseDate(Form.ReceivedOn, "收到日期", out var receivedOn)
            ?? (string.IsNullOrWhiteSpace(Form.ReceivedOn) ? "请填写收到日期。" : null);
        if (dateError is not null)
        {
            ModelState.AddModelError("", dateError);
            return Page();
        }
        var result = await commands.CreateAsync(new OpinionInput(Form.Source, Form.OrganizationId, NullIfZero(Form.CampaignId), NullIfZero(Form.MeetingId),
            NullIfZero(Form.CategoryId), Form.Text, receivedOn, Form.SourceNote, Form.IssueReceipt));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        if (result.Receipt is null)
        {
            TempData["Message"] = "意见已登记。";
            return Redirect($"/Opinions/Detail/{result.Id}");
        }
        Receipt = Pingyi.Domain.Loop.ReceiptCodes.Format(result.Receipt);
        CreatedId = result.Id;
        return Page();
    }

    private static int? NullIfZero(int? id) => id is null or 0 ? null : id;

    private async Task LoadAsync()
    {
        Choices = await OpinionChoices.LoadAsync(db, scope, activeCategoriesOnly: true);
        Meetings = await (await scope.MeetingsAsync()).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Take(200).ToListAsync();
    }
}
