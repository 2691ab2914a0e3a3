using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Replies;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Problems;

/// <summary>反馈: writing the problem's handling result, beside what was done and how the raisers rated it.</summary>
public class ReplyModel(OrgScope scope, ReplyCommands commands, ReplyQueries queries, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public Problem Problem { get; private set; } = null!;

    public string OrganizationName { get; private set; } = "";

    public bool CanWrite { get; private set; }

    public IReadOnlyList<ReplyMeasure> Measures { get; private set; } = [];

    public ReplyRatings Ratings { get; private set; } = null!;

    public DateOnly Today => CampaignPlan.Today(clock);

    public int Verified => Measures.Count(m => m.State == MeasureState.Verified);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Text = Problem.Reply;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return await LoadAsync() ? Page() : NotFound();
        }
        var result = await commands.SaveAsync(Id, Text);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = "反馈已保存，意见提出人可凭回执码查看。";
            return Redirect($"/Problems/Reply/{Id}");
        }
        ModelState.AddModelError("", result.Error!);
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!CanWrite)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var problem = await scope.FindProblemAsync(Id);
        if (problem is null)
        {
            return false;
        }
        Problem = problem;
        OrganizationName = await db.Organizations.Where(o => o.Id == problem.OrganizationId).Select(o => o.Name).FirstAsync();
        CanWrite = await commands.CanWriteAsync(problem);
        Measures = await queries.MeasuresAsync(Id);
        Ratings = await queries.RatingsAsync(Id);
        return true;
    }
}
