using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Loop.Measures;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Problems;

public sealed record MeasureRow(Measure Measure, string OrganizationName);

/// <summary>A problem with its opinions and measures (those the caller sees), and adding a measure.</summary>
public class DetailModel(AppDbContext db, OrgScope scope, ProblemCommands commands, TimeProvider clock) : PageModel
{
    public Problem Problem { get; private set; } = null!;

    public string OwnerName { get; private set; } = "";

    public string? CampaignName { get; private set; }

    public string? CategoryName { get; private set; }

    public List<Opinion> Opinions { get; private set; } = [];

    public List<MeasureRow> Measures { get; private set; } = [];

    /// <summary>The owner and the organisations below it that lie in the caller's scope.</summary>
    public List<Organization> Responsible { get; private set; } = [];

    public DateOnly Today => CampaignPlan.Today(clock);

    [BindProperty]
    public string? MeasureText { get; set; }

    [BindProperty]
    public int ResponsibleOrganizationId { get; set; }

    [BindProperty]
    public string? ResponsiblePerson { get; set; }

    /// <summary>Text, so that "abc" gets the same clear rule as 0 or 251.</summary>
    [BindProperty]
    public string? DeadlineDays { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        DeadlineDays = WorkCalendar.DefaultDeadlineDays.ToString(CultureInfo.InvariantCulture);
        return await ShowAsync(id);
    }

    public async Task<IActionResult> OnPostAddMeasureAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync(id, "填写的内容格式不正确，请检查后重试。");
        }
        int? days = int.TryParse(DeadlineDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        var result = await commands.AddMeasureAsync(id, new MeasureInput(MeasureText, ResponsibleOrganizationId, ResponsiblePerson, days));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(id, error);
        }
        var deadline = await db.Measures.Where(m => m.Id == result.Id).Select(m => m.Deadline).FirstAsync();
        TempData["Message"] = $"整改措施已添加：整改时限{days}个工作日，截止日期{CampaignText.Format(deadline)}。";
        return Redirect($"/Problems/Detail/{id}");
    }

    private async Task<IActionResult> FailAsync(int id, string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync(id);
    }

    private async Task<IActionResult> ShowAsync(int id)
    {
        if (await scope.FindProblemAsync(id) is not { } problem)
        {
            return NotFound();
        }
        Problem = problem;
        var owner = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == problem.OrganizationId);
        OwnerName = owner.Name;
        CampaignName = await db.Campaigns.Where(c => c.Id == problem.CampaignId).Select(c => c.Name).FirstOrDefaultAsync();
        CategoryName = await db.OpinionCategories.Where(c => c.Id == problem.CategoryId).Select(c => c.Name).FirstOrDefaultAsync();
        Opinions = await (await scope.OpinionsAsync()).AsNoTracking().Where(o => o.ProblemId == id)
            .OrderBy(o => o.ReceivedOn).ThenBy(o => o.Text).ToListAsync();
        var measures = await (await scope.MeasuresAsync()).AsNoTracking().Where(m => m.ProblemId == id).OrderBy(m => m.Id).ToListAsync();
        var orgIds = measures.Select(m => m.ResponsibleOrganizationId).Distinct().ToList();
        var names = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Measures = measures.Select(m => new MeasureRow(m, names[m.ResponsibleOrganizationId])).ToList();
        Responsible = await (await scope.OrganizationsAsync()).Where(o => o.IsActive && o.Path.StartsWith(owner.Path))
            .OrderBy(o => o.Path).Take(500).ToListAsync();
        if (ResponsibleOrganizationId == 0 && Responsible.Count > 0)
        {
            ResponsibleOrganizationId = Responsible[0].Id;
        }
        return Page();
    }
}
