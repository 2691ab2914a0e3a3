using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Loop.Corrections;

namespace Pingyi.Web.Pages.Corrections;

/// <summary>A correction plan: the weak organisation reports; its superior closes it or sends it back.</summary>
public class DetailModel(CorrectionCommands commands) : PageModel
{
    public CorrectionRow Row { get; private set; } = null!;

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await ShowAsync(id);

    public Task<IActionResult> OnPostReportAsync(int id) => DoAsync(id, () => commands.ReportAsync(id, Text), "整改报告已提交。");

    public Task<IActionResult> OnPostVerifyAsync(int id) => DoAsync(id, () => commands.JudgeAsync(id, true, Text), "限期改正已验收。");

    public Task<IActionResult> OnPostSendBackAsync(int id) => DoAsync(id, () => commands.JudgeAsync(id, false, Text), "限期改正已退回。");

    private async Task<IActionResult> DoAsync(int id, Func<Task<Features.Organizations.CommandResult>> act, string done)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync(id, "填写的内容格式不正确，请检查后重试。");
        }
        var result = await act();
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(id, error);
        }
        TempData["Message"] = done;
        return Redirect($"/Corrections/Detail/{id}");
    }

    private async Task<IActionResult> ShowAsync(int id)
    {
        if (await commands.FindAsync(id) is not { } row)
        {
            return NotFound();
        }
        Row = row;
        return Page();
    }

    private async Task<IActionResult> FailAsync(int id, string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync(id);
    }
}
