using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Loop.Oversight;

namespace Pingyi.Web.Pages.Oversight;

/// <summary>督办台: overdue and soon-due measures, 下级逾期事项 (逐级上报), and 督办.</summary>
public class IndexModel(OversightBoard board) : PageModel
{
    public BoardView Board { get; private set; } = null!;

    [BindProperty]
    public int MeasureId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int? organizationId) => await ShowAsync(organizationId);

    public async Task<IActionResult> OnPostUrgeAsync(int? organizationId)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync(organizationId, "填写的内容格式不正确，请检查后重试。");
        }
        var result = await board.UrgeAsync(MeasureId, Text);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(organizationId, error);
        }
        TempData["Message"] = "督办意见已发出。";
        return Redirect(Request.Path + Request.QueryString);
    }

    private async Task<IActionResult> ShowAsync(int? organizationId)
    {
        if (await board.LoadAsync(organizationId) is not { } view)
        {
            return NotFound();
        }
        Board = view;
        return Page();
    }

    private async Task<IActionResult> FailAsync(int? organizationId, string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync(organizationId);
    }
}
