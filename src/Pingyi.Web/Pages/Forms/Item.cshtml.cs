using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Web.Features.Forms;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Forms;

/// <summary>Adds an item to a section (<see cref="Section"/>) or edits one (<see cref="Key"/>) of the form's current version.</summary>
public class ItemModel(OrgScope scope, FormQueries queries, FormCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Section { get; set; }

    [BindProperty]
    public ItemForm Item { get; set; } = new();

    public string FormTitle { get; private set; } = "";

    public bool Frozen { get; private set; }

    public bool IsNew => string.IsNullOrEmpty(Key);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(fill: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            return await LoadAsync(fill: false) ? Page() : NotFound();
        }
        var input = Item.ToInput();
        var result = IsNew
            ? await commands.AddItemAsync(Id, Section, input)
            : await commands.UpdateItemAsync(Id, Key!, input);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is not null)
        {
            foreach (var reason in FormCommands.ReasonsOf(result))
            {
                ModelState.AddModelError("", reason);
            }
            return await LoadAsync(fill: false) ? Page() : NotFound();
        }
        TempData["Message"] = IsNew ? "评议项目已添加。" : "评议项目已修改。";
        return Redirect($"/Forms/Details/{Id}");
    }

    /// <summary>Only a form the caller may change is opened here; the item or section must exist in its current version.</summary>
    private async Task<bool> LoadAsync(bool fill)
    {
        var form = await scope.FindFormAsync(Id, toChange: true);
        if (form is null || await queries.VersionOfAsync(form) is not { } version)
        {
            return false;
        }
        FormTitle = version.Title;
        Frozen = version.IsFrozen;
        if (IsNew)
        {
            return Section >= 1 && Section <= version.Sections.Count;
        }
        if (FormEdits.ItemOf(version, Key!) is not { } item)
        {
            return false;
        }
        if (fill)
        {
            Item = ItemForm.From(item);
        }
        return true;
    }
}
