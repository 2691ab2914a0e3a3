using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Forms;
using Pingyi.Web.Features.Organizations;

namespace Pingyi.Web.Pages.Forms;

/// <summary>The usable forms, the built-in template gallery, and the three ways to create a form.</summary>
public class IndexModel(FormQueries queries, FormCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool ShowArchived { get; set; }

    public List<FormSummary> Forms { get; private set; } = [];

    public List<Organization> Owners { get; private set; } = [];

    public IReadOnlyList<FormTemplate> Templates => BuiltInTemplates.All;

    /// <summary>Reasons an imported file was refused, listed under the upload.</summary>
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostBlankAsync(int organizationId, string? title) =>
        CreateAsync(() => commands.CreateBlankAsync(organizationId, title), "已新建空白测评表，请添加评议项目。");

    public Task<IActionResult> OnPostTemplateAsync(int organizationId, string? templateKey) =>
        CreateAsync(() => commands.CreateFromTemplateAsync(organizationId, templateKey), "已按模板建立测评表，可以按本单位情况修改。");

    public async Task<IActionResult> OnPostImportAsync(int organizationId, IFormFile? file)
    {
        if (!ModelState.IsValid || file is null || file.Length == 0)
        {
            ImportErrors = [!ModelState.IsValid ? "填写的内容格式不正确，请检查后重试。" : file is null ? "请选择要导入的 JSON 文件。" : "文件是空的。"];
            await LoadAsync();
            return Page();
        }
        await using var stream = file.OpenReadStream();
        var result = await commands.ImportAsync(organizationId, stream);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is not null)
        {
            ImportErrors = FormCommands.ReasonsOf(result);
            await LoadAsync();
            return Page();
        }
        TempData["Message"] = "测评表已导入。";
        return Redirect($"/Forms/Details/{result.Id}");
    }

    private async Task<IActionResult> CreateAsync(Func<Task<CommandResult>> command, string done)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "填写的内容格式不正确，请检查后重试。");
            await LoadAsync();
            return Page();
        }
        var result = await command();
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
            await LoadAsync();
            return Page();
        }
        TempData["Message"] = done;
        return Redirect($"/Forms/Details/{result.Id}");
    }

    private async Task LoadAsync()
    {
        Forms = await queries.UsableAsync(ShowArchived);
        Owners = await queries.OwnersAsync();
    }
}
