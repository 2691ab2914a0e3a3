using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Loop.Corrections;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Corrections;

/// <summary>制定限期改正: from a confirmed 软弱涣散 flag (?flagId=) or by hand for an organisation in scope.</summary>
public class NewModel(CorrectionCommands commands, OrgScope scope) : PageModel
{
    public OrganizationFlag? Flag { get; private set; }

    public string? FlagOrganization { get; private set; }

    public List<Organization> Organizations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? FlagId { get; set; }

    [BindProperty]
    public int? OrganizationId { get; set; }

    [BindProperty]
    public string? Requirements { get; set; }

    [BindProperty]
    public int DeadlineDays { get; set; } = WorkCalendar.DefaultDeadlineDays;

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync("填写的内容格式不正确，请检查后重试。");
        }
        var result = await commands.CreateAsync(new CorrectionInput(FlagId, FlagId is null ? OrganizationId : null, Requirements, DeadlineDays));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(error);
        }
        TempData["Message"] = "限期改正已制定。";
        return Redirect($"/Corrections/Detail/{result.Id}");
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (FlagId is { } flagId)
        {
            Flag = await commands.FindWeakFlagAsync(flagId);
            if (Flag is null)
            {
                return NotFound();
            }
            FlagOrganization = await (await scope.OrganizationsAsync()).Where(o => o.Id == Flag.OrganizationId).Select(o => o.Name).FirstAsync();
        }
        else
        {
            // Only organisations the caller is superior of: its scope root cannot be corrected by itself.
            var rootId = scope.RootId;
            Organizations = await (await scope.OrganizationsAsync()).AsNoTracking()
                .Where(o => o.IsActive && o.ParentId != null && o.Id != rootId).OrderBy(o => o.Path).ToListAsync();
        }
        return Page();
    }

    private async Task<IActionResult> FailAsync(string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync();
    }
}
