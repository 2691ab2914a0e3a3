using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Pages.Grades;

/// <summary>民主评议党员 of one campaign: the vote's proposals by branch, and one form per branch for its final grades.</summary>
public class IndexModel(GradeCommands commands) : PageModel
{
    public GradeSheet Sheet { get; private set; } = null!;

    [BindProperty]
    public int BranchId { get; set; }

    [BindProperty]
    public List<GradeField> Grades { get; set; } = [];

    /// <summary>The branch whose posted grades were refused: its form shows them again.</summary>
    public int? RefusedBranchId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int campaignId) => await ShowAsync(campaignId);

    public async Task<IActionResult> OnPostAsync(int campaignId)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync(campaignId, "填写的内容格式不正确，请检查后重试。");
        }
        var entries = Grades.Select(g => new GradeEntry(g.SubjectId, GradeOf(g.Final), g.Reason)).ToList();
        var result = await commands.DecideAsync(campaignId, BranchId, entries);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            RefusedBranchId = BranchId;
            return await FailAsync(campaignId, error);
        }
        TempData["Message"] = "评定结果已保存。";
        return Redirect(Request.Path);
    }

    /// <summary>The grade a row's select shows: what was just posted, else the recorded decision, else the proposal.</summary>
    public (string Final, string Reason) ValueOf(int branchId, GradeRow row)
    {
        if (RefusedBranchId == branchId && Grades.FirstOrDefault(g => g.SubjectId == row.Proposal.SubjectId) is { } posted)
        {
            return (posted.Final ?? "", posted.Reason ?? "");
        }
        var grade = row.Decision?.FinalGrade ?? row.Proposal.Proposed;
        return (grade is { } g ? ((int)g).ToString(CultureInfo.InvariantCulture) : "", row.Decision?.Reason ?? "");
    }

    private static MemberGrade? GradeOf(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && Enum.IsDefined((MemberGrade)v) ? (MemberGrade)v : null;

    private async Task<IActionResult> ShowAsync(int campaignId)
    {
        if (await commands.FindAsync(campaignId) is not { } sheet)
        {
            return NotFound();
        }
        Sheet = sheet;
        return Page();
    }

    private async Task<IActionResult> FailAsync(int campaignId, string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync(campaignId);
    }
}

/// <summary>One row of a branch's form; the grade is posted as text so a forged value gets the rule's message.</summary>
public sealed class GradeField
{
    public int SubjectId { get; set; }

    public string? Final { get; set; }

    public string? Reason { get; set; }
}
