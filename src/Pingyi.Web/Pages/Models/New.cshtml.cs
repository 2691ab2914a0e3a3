using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Loop.Models;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Models;

/// <summary>记录先进典型: from a confirmed flag (?flagId=, evidence prefilled) or by hand.</summary>
public class NewModel(ModelCommands commands, OrgScope scope) : PageModel
{
    public OrganizationFlag? Flag { get; private set; }

    public string? FlagOrganization { get; private set; }

    public List<Organization> Organizations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? FlagId { get; set; }

    [BindProperty]
    public int? OrganizationId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? Deeds { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await ShowAsync();
        Evidence ??= Flag?.Evidence;
        return result;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return await FailAsync("填写的内容格式不正确，请检查后重试。");
        }
        var result = await commands.CreateAsync(new ModelInput(FlagId, FlagId is null ? OrganizationId : null, Title, Evidence, Deeds));
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is { } error)
        {
            return await FailAsync(error);
        }
        TempData["Message"] = "先进典型已记录。";
        return Redirect("/Models");
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (FlagId is { } flagId)
        {
            Flag = await commands.FindModelFlagAsync(flagId);
            if (Flag is null)
            {
                return NotFound();
            }
            FlagOrganization = await (await scope.OrganizationsAsync()).Where(o => o.Id == Flag.OrganizationId).Select(o => o.Name).FirstAsync();
        }
        else
        {
            var rootId = scope.RootId;
            Organizations = await (await scope.OrganizationsAsync()).AsNoTracking()
                .Where(o => o.IsActive && o.Id != rootId).OrderBy(o => o.Path).ToListAsync();
        }
        return Page();
    }

    private async Task<IActionResult> FailAsync(string error)
    {
        ModelState.AddModelError("", error);
        return await ShowAsync();
    }
}
