using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Forms;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Pages.Forms;

/// <summary>
/// The editor of a form's current version. A form owned above the caller's subtree is shown
/// read-only, to be copied; its edit handlers answer 404 through FindFormAsync(toChange: true).
/// </summary>
public class DetailsModel(AppDbContext db, OrgScope scope, FormQueries queries, FormCommands commands) : PageModel
{
    public Form? Form { get; private set; }

    public FormVersion? Version { get; private set; }

    public List<FormVersion> History { get; private set; } = [];

    public List<Organization> Owners { get; private set; } = [];

    public bool Editable { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostHeaderAsync(int id, string? title, string? description) =>
        RunAsync(id, () => commands.UpdateHeaderAsync(id, title, description), "名称和指导语已保存。");

    public Task<IActionResult> OnPostAddSectionAsync(int id, string? sectionTitle) =>
        RunAsync(id, () => commands.AddSectionAsync(id, sectionTitle), "分组已添加。");

    public Task<IActionResult> OnPostRenameSectionAsync(int id, int position, string? sectionTitle) =>
        RunAsync(id, () => commands.RenameSectionAsync(id, position, sectionTitle), "分组标题已保存。");

    public Task<IActionResult> OnPostDeleteSectionAsync(int id, int position) =>
        RunAsync(id, () => commands.DeleteSectionAsync(id, position), "分组及其评议项目已删除。");

    public Task<IActionResult> OnPostMoveSectionAsync(int id, int position, bool up) =>
        RunAsync(id, () => commands.MoveSectionAsync(id, position, up), "分组已移动。");

    public Task<IActionResult> OnPostDeleteItemAsync(int id, string? key) =>
        RunAsync(id, () => commands.DeleteItemAsync(id, key ?? ""), "评议项目已删除。");

    public Task<IActionResult> OnPostMoveItemAsync(int id, string? key, bool up) =>
        RunAsync(id, () => commands.MoveItemAsync(id, key ?? "", up), "评议项目已移动。");

    public Task<IActionResult> OnPostArchiveAsync(int id, bool archived) =>
        RunAsync(id, () => commands.SetArchivedAsync(id, archived), archived ? "测评表已停用。" : "测评表已重新启用。");

    public async Task<IActionResult> OnPostCopyAsync(int id, int organizationId)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, ["填写的内容格式不正确，请检查后重试。"]);
        }
        var result = await commands.CopyAsync(id, organizationId);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is not null)
        {
            return await ShowAsync(id, FormCommands.ReasonsOf(result));
        }
        TempData["Message"] = "已复制到本单位，可以修改了。";
        return Redirect($"/Forms/Details/{result.Id}");
    }

    private async Task<IActionResult> RunAsync(int id, Func<Task<CommandResult>> command, string done)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, ["填写的内容格式不正确，请检查后重试。"]);
        }
        var result = await command();
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Error is not null)
        {
            return await ShowAsync(id, FormCommands.ReasonsOf(result));
        }
        TempData["Message"] = done;
        return Redirect($"/Forms/Details/{id}");
    }

    private async Task<IActionResult> ShowAsync(int id, IEnumerable<string> errors)
    {
        ModelState.Clear();
        foreach (var error in errors)
        {
            ModelState.AddModelError("", error);
        }
        db.ChangeTracker.Clear();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id)
    {
        Form = await scope.FindFormAsync(id, toChange: false);
        if (Form is null || await queries.VersionOfAsync(Form) is not { } version)
        {
            return false;
        }
        Version = version;
        Editable = await queries.CanChangeAsync(Form);
        History = await queries.HistoryAsync(Form.Id);
        Owners = await queries.OwnersAsync();
        return true;
    }
}
