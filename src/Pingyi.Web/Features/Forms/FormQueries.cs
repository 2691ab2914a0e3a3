using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Forms;

/// <summary>One usable form as lists show it: its current version and whether the caller may edit it.</summary>
public sealed record FormSummary(int Id, int OrganizationId, string OrganizationName, bool Editable, bool IsArchived,
    string? TemplateKey, int VersionId, int VersionNumber, string Title, bool Frozen);

/// <summary>Reading forms within the caller's scope, shared by the pages and the API.</summary>
public sealed class FormQueries(AppDbContext db, OrgScope scope)
{
    public async Task<List<FormSummary>> UsableAsync(bool includeArchived)
    {
        var path = await scope.PathAsync();
        var forms = await scope.UsableFormsAsync();
        if (!includeArchived)
        {
            forms = forms.Where(f => !f.IsArchived);
        }
        var rows = await forms
            .Select(f => new
            {
                f.Id,
                f.OrganizationId,
                OrganizationName = f.Organization!.Name,
                OrganizationPath = f.Organization.Path,
                f.IsArchived,
                f.TemplateKey,
                Current = f.Versions.OrderByDescending(v => v.Number)
                    .Select(v => new { v.Id, v.Number, v.Title, v.FrozenUtc }).First(),
            })
            .AsNoTracking().ToListAsync();
        return rows
            .Select(r => new FormSummary(r.Id, r.OrganizationId, r.OrganizationName,
                path is not null && OrganizationTree.IsWithin(r.OrganizationPath, path), r.IsArchived, r.TemplateKey,
                r.Current.Id, r.Current.Number, r.Current.Title, r.Current.FrozenUtc is not null))
            .OrderBy(s => s.IsArchived).ThenBy(s => s.OrganizationName, StringComparer.Ordinal).ThenBy(s => s.Title, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>True when the form is owned inside the caller's subtree (not merely above it).</summary>
    public async Task<bool> CanChangeAsync(Form form) =>
        await scope.PathAsync() is { } path && OrganizationTree.IsWithin(form.Organization!.Path, path);

    /// <summary>A version with its content, if its form is usable by the caller; otherwise null, with the refusal audited.</summary>
    public async Task<FormVersion?> VersionAsync(int versionId)
    {
        var formId = await db.FormVersions.Where(v => v.Id == versionId).Select(v => (int?)v.FormId).FirstOrDefaultAsync();
        if (formId is null)
        {
            await scope.DenyAsync("FormVersion", versionId);
            return null;
        }
        var form = await scope.FindFormAsync(formId.Value, toChange: false);
        return form is null ? null : await LoadAsync(form, v => v.Id == versionId);
    }

    /// <summary>The version with this number of a form already found in scope, or the current one when no number is given.</summary>
    public async Task<FormVersion?> VersionOfAsync(Form form, int? number = null) =>
        number is { } n
            ? await LoadAsync(form, v => v.FormId == form.Id && v.Number == n)
            : await LoadAsync(form, v => v.FormId == form.Id && v.Number == db.FormVersions.Where(x => x.FormId == form.Id).Max(x => x.Number));

    public Task<List<FormVersion>> HistoryAsync(int formId) =>
        db.FormVersions.Where(v => v.FormId == formId).OrderByDescending(v => v.Number).AsNoTracking().ToListAsync();

    /// <summary>Active organisations in scope, in tree order: the owners a new or copied form may get.</summary>
    public async Task<List<Organization>> OwnersAsync() =>
        await (await scope.OrganizationsAsync()).Where(o => o.IsActive).OrderBy(o => o.Path).AsNoTracking().ToListAsync();

    private async Task<FormVersion?> LoadAsync(Form form, System.Linq.Expressions.Expression<Func<FormVersion, bool>> which)
    {
        var version = await db.FormVersions.Include(v => v.Sections).ThenInclude(s => s.Items)
            .Where(which).AsSplitQuery().AsNoTracking().FirstOrDefaultAsync();
        if (version is not null)
        {
            version.Form = form;
        }
        return version;
    }
}
