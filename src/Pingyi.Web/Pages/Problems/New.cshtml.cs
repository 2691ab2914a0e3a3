using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop.Measures;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Problems;

/// <summary>
/// 查找问题: from the opinions chosen on the opinion pages (?opinions=…&amp;opinions=…), or from none.
/// The form starts from the opinions' texts, organisation, campaign and category.
/// </summary>
public class NewModel(AppDbContext db, OrgScope scope, ProblemCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "opinions")]
    public List<Guid> OpinionIds { get; set; } = [];

    [BindProperty]
    public string? ProblemTitle { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public int OrganizationId { get; set; }

    [BindProperty]
    public int? CampaignId { get; set; }

    [BindProperty]
    public int? CategoryId { get; set; }

    public List<Opinion> Opinions { get; private set; } = [];

    /// <summary>Why the chosen opinions cannot make a problem; the form is not shown.</summary>
    public string? Refusal { get; private set; }

    public List<Organization> Organizations { get; private set; } = [];

    public List<(int Id, string Name)> Campaigns { get; private set; } = [];

    public List<OpinionCategory> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            Refusal = "意见编号格式不正确，请从意见列表重新选择。";
            return Page();
        }
        var (opinions, refusal) = await commands.OpinionsAsync(OpinionIds);
        if (refusal is { NotFound: true })
        {
            return NotFound();
        }
        Refusal = refusal?.Error;
        Opinions = opinions;
        await LoadChoicesAsync();
        var texts = string.Join("\n", opinions.Select(o => o.Text.Trim()));
        Description = texts.Length > Problem.DescriptionMaxLength ? texts[..Problem.DescriptionMaxLength] : texts;
        OrganizationId = await DefaultOrganizationAsync(opinions);
        CampaignId = opinions.Select(o => o.CampaignId).Distinct().Count() == 1 ? opinions[0].CampaignId : null;
        CategoryId = opinions.Select(o => o.CategoryId).Distinct().Count() == 1 ? opinions[0].CategoryId : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return await ShowAgainAsync();
        }
        var result = await commands.CreateAsync(new ProblemInput(ProblemTitle, Description, OrganizationId, CampaignId, CategoryId), OpinionIds);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            return await ShowAgainAsync();
        }
        TempData["Message"] = "问题已建立，请制定整改措施。";
        return Redirect($"/Problems/Detail/{result.Id}");
    }

    private async Task<IActionResult> ShowAgainAsync()
    {
        var (opinions, refusal) = await commands.OpinionsAsync(OpinionIds);
        if (refusal is { NotFound: true })
        {
            return NotFound();
        }
        Opinions = opinions;
        await LoadChoicesAsync();
        return Page();
    }

    private async Task LoadChoicesAsync()
    {
        Organizations = await (await scope.OrganizationsAsync()).Where(o => o.IsActive).OrderBy(o => o.Path).Take(500).ToListAsync();
        Campaigns = (await (await scope.CampaignsReachingAsync()).OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).Take(100)
            .Select(c => new { c.Id, c.Name, c.Year }).ToListAsync()).Select(c => (c.Id, $"{c.Name}（{c.Year}）")).ToList();
        Categories = await db.OpinionCategories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync();
    }

    /// <summary>The nearest organisation above all the opinions' organisations, within scope; else the scope's root.</summary>
    private async Task<int> DefaultOrganizationAsync(List<Opinion> opinions)
    {
        var ids = opinions.Select(o => o.OrganizationId).Distinct().ToList();
        var paths = await db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => o.Path).ToListAsync();
        var common = paths.Select(p => OrganizationTree.IdsOf(p).ToList())
            .Aggregate((List<int>?)null, (acc, next) => acc is null ? next : acc.Zip(next).TakeWhile(x => x.First == x.Second).Select(x => x.First).ToList());
        var inScope = Organizations.Select(o => o.Id).ToHashSet();
        var nearest = common?.LastOrDefault(inScope.Contains);
        return nearest is > 0 ? nearest.Value : scope.RootId ?? Organizations.FirstOrDefault()?.Id ?? 0;
    }
}
