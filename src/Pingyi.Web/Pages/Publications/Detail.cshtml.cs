using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Features.Publishing;

namespace Pingyi.Web.Pages.Publications;

/// <summary>A notice as its administrator runs it: the public link and QR code, objections to answer, finalise, withdraw.</summary>
public class DetailModel(PublicationCommands commands, PublicationQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Publication Publication { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public List<ObjectionRow> Objections { get; private set; } = [];

    public int DaysLeft { get; private set; }

    public string Link => PublicNotices.PublicLink(Request, Id);

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostAnswerAsync(Guid objection, int? verdict, string? answer)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync();
        }
        var state = verdict is { } v ? (ObjectionState)v : default;
        return await DoneAsync(await commands.AnswerAsync(Id, objection, state, answer), "异议已答复，提出人可凭回执码查看。");
    }

    public async Task<IActionResult> OnPostFinalizeAsync()
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync();
        }
        return await DoneAsync(await commands.FinalizeAsync(Id), "公示已确认生效。");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string? reason)
    {
        if (!ModelState.IsValid)
        {
            return await InvalidAsync();
        }
        return await DoneAsync(await commands.WithdrawAsync(Id, reason), "公示已撤回，评议活动改为“已结束”。");
    }

    private async Task<IActionResult> InvalidAsync()
    {
        ModelState.Clear();
        ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync();
    }

    private async Task<IActionResult> DoneAsync(CommandResult result, string message)
    {
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/Publications/Detail/{Id}");
        }
        ModelState.AddModelError("", result.Error!);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (await commands.FindAsync(Id) is not { } found)
        {
            return NotFound();
        }
        (Publication, Campaign) = found;
        Objections = await queries.ObjectionsAsync(Id);
        DaysLeft = await queries.DaysLeftAsync(Publication);
        return Page();
    }
}
