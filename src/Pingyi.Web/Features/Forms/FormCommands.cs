using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Forms;

/// <summary>The fields of one item as typed in the editor or sent to the API.</summary>
public sealed record FormItemInput(ItemKind Kind, string? Text, string? Help, bool Required, GradeScale Scale,
    int MaxScore, int Weight, int MaxLength, int MaxChoices, IReadOnlyList<string> Options)
{
    public FormItem ToItem() => new()
    {
        Kind = Kind,
        Text = Text ?? "",
        Help = Help,
        Required = Required,
        Scale = Scale,
        MaxScore = MaxScore,
        Weight = Weight,
        MaxLength = MaxLength,
        // A single-choice item takes exactly one option, so a typed limit means nothing there.
        MaxChoices = Kind == ItemKind.MultipleChoice ? MaxChoices : 0,
        Options = [.. Options],
    };
}

/// <summary>
/// Every change to forms, shared by the pages and the API so both enforce the same scope,
/// validation and audit. A refusal stores nothing; when it has several reasons,
/// <see cref="CommandResult.Error"/> holds one per line.
/// </summary>
public sealed class FormCommands(AppDbContext db, OrgScope scope, AuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The reasons of a refusal, one per line of <see cref="CommandResult.Error"/>.</summary>
    public static IReadOnlyList<string> ReasonsOf(CommandResult result) =>
        result.Error is { } error ? error.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    public async Task<CommandResult> CreateBlankAsync(int organizationId, string? title)
    {
        var (owner, refusal) = await OwnerAsync(organizationId);
        if (owner is null)
        {
            return refusal!;
        }
        var version = new FormVersion();
        var errors = FormEdits.SetHeader(version, title, null);
        if (errors.Count > 0)
        {
            return Fail(errors);
        }
        version.Sections.Add(new FormSection { Position = 1 });
        return await CreateAsync(owner, version, null, "新建空白测评表");
    }

    public async Task<CommandResult> CreateFromTemplateAsync(int organizationId, string? templateKey)
    {
        var (owner, refusal) = await OwnerAsync(organizationId);
        if (owner is null)
        {
            return refusal!;
        }
        if (BuiltInTemplates.Find(templateKey) is not { } template)
        {
            return CommandResult.Fail("找不到所选的内置模板。");
        }
        return await CreateAsync(owner, template.Create(), template.Key, $"使用内置模板“{template.Name}”");
    }

    /// <summary>Creates a form from a FormJson document; a bad document stores nothing and gives the importer's reasons.</summary>
    public async Task<CommandResult> ImportAsync(int organizationId, Stream json)
    {
        var (owner, refusal) = await OwnerAsync(organizationId);
        if (owner is null)
        {
            return refusal!;
        }
        // Read asynchronously (request bodies forbid blocking reads), and no further than the
        // importer needs to tell an acceptable file from one that is too large.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length <= FormJson.MaxBytes && (read = await json.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        var result = FormJson.Import(buffer);
        if (result.Version is null || result.Errors.Count > 0)
        {
            return Fail(result.Errors.Count > 0 ? result.Errors : ["文件无法读取。"]);
        }
        return await CreateAsync(owner, result.Version, null, "导入JSON文件");
    }

    /// <summary>Copies the current version of a usable form (e.g. the bureau's standard form) into an organisation of one's own scope.</summary>
    public async Task<CommandResult> CopyAsync(int formId, int organizationId)
    {
        var source = await scope.FindFormAsync(formId, toChange: false);
        if (source is null)
        {
            return CommandResult.Missing;
        }
        var (owner, refusal) = await OwnerAsync(organizationId);
        if (owner is null)
        {
            return refusal!;
        }
        var current = await CurrentVersionAsync(source.Id);
        return await CreateAsync(owner, FormRules.NextVersion(current, Now), source.TemplateKey,
            $"复制自测评表{Id(source.Id)}（{source.Organization!.Name}）第{current.Number}版");
    }

    public Task<CommandResult> UpdateHeaderAsync(int formId, string? title, string? description) =>
        EditAsync(formId, "修改名称和指导语", v => FormEdits.SetHeader(v, title, description));

    public Task<CommandResult> AddSectionAsync(int formId, string? title) =>
        EditAsync(formId, $"新增分组“{title?.Trim()}”", v => FormEdits.AddSection(v, title));

    public Task<CommandResult> RenameSectionAsync(int formId, int position, string? title) =>
        EditAsync(formId, $"第{position}组改名为“{title?.Trim()}”", v => FormEdits.RenameSection(v, position, title));

    public Task<CommandResult> DeleteSectionAsync(int formId, int position) =>
        EditAsync(formId, $"删除第{position}组及其评议项目", v => FormEdits.DeleteSection(v, position));

    public Task<CommandResult> MoveSectionAsync(int formId, int position, bool up) =>
        EditAsync(formId, $"第{position}组{(up ? "上移" : "下移")}", v => FormEdits.MoveSection(v, position, up));

    public Task<CommandResult> AddItemAsync(int formId, int sectionPosition, FormItemInput input) =>
        EditAsync(formId, $"第{sectionPosition}组新增{FormRules.NameOf(input.Kind)}项目“{input.Text?.Trim()}”",
            v => FormEdits.AddItem(v, sectionPosition, input.ToItem()));

    public Task<CommandResult> UpdateItemAsync(int formId, string key, FormItemInput input) =>
        EditAsync(formId, $"修改项目{key}为“{input.Text?.Trim()}”", v => FormEdits.UpdateItem(v, key, input.ToItem()));

    public Task<CommandResult> DeleteItemAsync(int formId, string key) =>
        EditAsync(formId, $"删除项目{key}", v => FormEdits.DeleteItem(v, key));

    public Task<CommandResult> MoveItemAsync(int formId, string key, bool up) =>
        EditAsync(formId, $"项目{key}{(up ? "上移" : "下移")}", v => FormEdits.MoveItem(v, key, up));

    /// <summary>An archived form is hidden from the lists and cannot be edited; campaigns that use it keep it.</summary>
    public async Task<CommandResult> SetArchivedAsync(int formId, bool archived)
    {
        var form = await scope.FindFormAsync(formId, toChange: true);
        if (form is null)
        {
            return CommandResult.Missing;
        }
        if (form.IsArchived == archived)
        {
            return CommandResult.Fail(archived ? "该测评表已经停用。" : "该测评表已是启用状态。");
        }
        form.IsArchived = archived;
        audit.Add(archived ? AuditActions.FormArchive : AuditActions.FormUpdate, AuditOutcome.Success, "Form", Id(form.Id),
            archived ? "停用测评表" : "重新启用测评表");
        await db.SaveChangesAsync();
        return CommandResult.Ok(form.Id);
    }

    /// <summary>The organisation that is to own a new form: in scope (else not found) and active.</summary>
    private async Task<(Organization? Owner, CommandResult? Refusal)> OwnerAsync(int organizationId)
    {
        var org = await scope.FindOrganizationAsync(organizationId);
        if (org is null)
        {
            return (null, CommandResult.Missing);
        }
        return org.IsActive ? (org, null) : (null, CommandResult.Fail("该组织已停用，不能为它建立测评表。"));
    }

    /// <summary>Stores <paramref name="version"/> as version 1 of a new form owned by <paramref name="org"/>.</summary>
    private async Task<CommandResult> CreateAsync(Organization org, FormVersion version, string? templateKey, string detail)
    {
        version.Id = 0;
        version.FormId = 0;
        version.Number = 1;
        version.CreatedUtc = Now;
        version.FrozenUtc = null;
        FormEdits.Renumber(version);
        var form = new Form { OrganizationId = org.Id, TemplateKey = templateKey, CreatedUtc = Now, Versions = [version] };

        await using var tx = await db.Database.BeginTransactionAsync();
        db.Forms.Add(form);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.FormCreate, AuditOutcome.Success, "Form", Id(form.Id), $"{version.Title}，{org.Name}：{detail}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(form.Id);
    }

    /// <summary>
    /// Applies an edit to the form's current version. A frozen version never changes: the edit
    /// goes into the next version instead, and draft campaigns that planned to use the frozen one
    /// move to the new one, while open and closed campaigns keep the version their ballots answer.
    /// </summary>
    private async Task<CommandResult> EditAsync(int formId, string what, Func<FormVersion, IReadOnlyList<string>> change)
    {
        var form = await scope.FindFormAsync(formId, toChange: true);
        if (form is null)
        {
            return CommandResult.Missing;
        }
        if (form.IsArchived)
        {
            return CommandResult.Fail("该测评表已停用，不能修改。");
        }
        var current = await CurrentVersionAsync(form.Id);
        var target = current.IsFrozen ? FormRules.NextVersion(current, Now) : current;
        var errors = change(target);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Fail(errors);
        }
        var detail = $"{target.Title} 第{target.Number}版：{what}";
        if (!current.IsFrozen)
        {
            audit.Add(AuditActions.FormUpdate, AuditOutcome.Success, "Form", Id(form.Id), detail);
            await db.SaveChangesAsync();
            return CommandResult.Ok(form.Id);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        db.FormVersions.Add(target);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another edit made the same next version first (unique form and number).
            db.ChangeTracker.Clear();
            return CommandResult.Fail("测评表刚被其他人修改，请刷新后重试。");
        }
        var drafts = await db.Assignments
            .Where(a => a.FormVersionId == current.Id && db.Campaigns.Any(c => c.Id == a.CampaignId && c.State == CampaignState.Draft))
            .ToListAsync();
        foreach (var assignment in drafts)
        {
            assignment.FormVersionId = target.Id;
        }
        audit.Add(AuditActions.FormNewVersion, AuditOutcome.Success, "Form", Id(form.Id),
            $"第{current.Number}版已冻结，修改生成第{target.Number}版；草稿评议活动的{drafts.Count}项安排改用第{target.Number}版");
        audit.Add(AuditActions.FormUpdate, AuditOutcome.Success, "Form", Id(form.Id), detail);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(form.Id);
    }

    private Task<FormVersion> CurrentVersionAsync(int formId) =>
        db.FormVersions.Include(v => v.Sections).ThenInclude(s => s.Items)
            .Where(v => v.FormId == formId).OrderByDescending(v => v.Number).AsSplitQuery().FirstAsync();

    private static CommandResult Fail(IEnumerable<string> errors) => CommandResult.Fail(string.Join('\n', errors));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
