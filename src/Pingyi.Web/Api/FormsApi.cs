using Microsoft.AspNetCore.Http.HttpResults;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Forms;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Api;

public sealed record FormSummaryDto(int Id, int OrganizationId, string OrganizationName, string Title, int CurrentVersion,
    int CurrentVersionId, bool Frozen, bool Editable, bool IsArchived, string? TemplateKey);

public sealed record FormDto(int Id, int OrganizationId, string OrganizationName, bool Editable, bool IsArchived,
    string? TemplateKey, FormVersionDto Current);

public sealed record FormVersionDto(int Id, int Number, string Title, string? Description, DateTime CreatedUtc,
    DateTime? FrozenUtc, List<FormSectionDto> Sections);

public sealed record FormSectionDto(int Position, string? Title, List<FormItemDto> Items);

/// <summary>One item; <see cref="Levels"/> lists a grade item's level labels, best first (answer value 1, 2, …).</summary>
public sealed record FormItemDto(string Key, int Position, ItemKind Kind, string KindName, string Text, string? Help,
    bool Required, GradeScale Scale, List<string> Levels, int MaxScore, int Weight, int MaxLength, int MaxChoices,
    List<string> Options);

public sealed record FormTemplateDto(string Key, string Name, string Summary);

public sealed record FromTemplateRequest(int OrganizationId, string? TemplateKey);

/// <summary>
/// Forms for the systems around Pingyi: list and read the forms the caller may use, create one
/// from a built-in template or a FormJson document, export one. Scope as on the pages: a form or
/// organisation outside it answers 404.
/// </summary>
public static class FormsApi
{
    public static void MapFormsApi(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("/forms").WithTags("测评表");

        api.MapGet("", async (FormQueries queries, bool? includeArchived) =>
            (await queries.UsableAsync(includeArchived == true)).Select(f => new FormSummaryDto(f.Id, f.OrganizationId,
                f.OrganizationName, f.Title, f.VersionNumber, f.VersionId, f.Frozen, f.Editable, f.IsArchived, f.TemplateKey)).ToList());

        api.MapGet("/{id:int}", async Task<Results<Ok<FormDto>, NotFound>> (int id, OrgScope scope, FormQueries queries) =>
            await FindAsync(id, null, scope, queries) is { } form ? TypedResults.Ok(form) : TypedResults.NotFound());

        api.MapGet("/{id:int}/versions/{number:int}", async Task<Results<Ok<FormVersionDto>, NotFound>> (
            int id, int number, OrgScope scope, FormQueries queries) =>
            await FindAsync(id, number, scope, queries) is { } form ? TypedResults.Ok(form.Current) : TypedResults.NotFound());

        api.MapGet("/templates", () =>
            BuiltInTemplates.All.Select(t => new FormTemplateDto(t.Key, t.Name, t.Summary)).ToList());

        api.MapPost("/from-template", async Task<Results<Created<FormDto>, NotFound, ValidationProblem>> (
            FromTemplateRequest request, FormCommands commands, OrgScope scope, FormQueries queries) =>
            await CreatedAsync(await commands.CreateFromTemplateAsync(request.OrganizationId, request.TemplateKey), scope, queries));

        api.MapPost("/import", async Task<Results<Created<FormDto>, NotFound, ValidationProblem>> (
            int organizationId, HttpRequest request, FormCommands commands, OrgScope scope, FormQueries queries) =>
            await CreatedAsync(await commands.ImportAsync(organizationId, request.Body), scope, queries))
            .WithDescription("The request body is a FormJson document, as GET /api/forms/{id}/export returns it.");

        api.MapGet("/{id:int}/export", async Task<Results<FileContentHttpResult, NotFound>> (int id, OrgScope scope, FormQueries queries) =>
        {
            var form = await scope.FindFormAsync(id, toChange: false);
            if (form is null || await queries.VersionOfAsync(form) is not { } version)
            {
                return TypedResults.NotFound();
            }
            return TypedResults.File(FormExport.Bytes(version), FormExport.ContentType, FormExport.FileName(version));
        });
    }

    private static async Task<Results<Created<FormDto>, NotFound, ValidationProblem>> CreatedAsync(
        CommandResult result, OrgScope scope, FormQueries queries)
    {
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (result.Error is not null)
        {
            var reasons = FormCommands.ReasonsOf(result).ToArray();
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = reasons }, title: reasons[0]);
        }
        var form = await FindAsync(result.Id!.Value, null, scope, queries);
        return TypedResults.Created($"/api/forms/{result.Id}", form!);
    }

    private static async Task<FormDto?> FindAsync(int id, int? number, OrgScope scope, FormQueries queries)
    {
        var form = await scope.FindFormAsync(id, toChange: false);
        if (form is null || await queries.VersionOfAsync(form, number) is not { } version)
        {
            return null;
        }
        return new FormDto(form.Id, form.OrganizationId, form.Organization!.Name, await queries.CanChangeAsync(form),
            form.IsArchived, form.TemplateKey, ToDto(version));
    }

    private static FormVersionDto ToDto(FormVersion v) =>
        new(v.Id, v.Number, v.Title, v.Description, v.CreatedUtc, v.FrozenUtc,
            v.Sections.OrderBy(s => s.Position).Select(s => new FormSectionDto(s.Position, s.Title,
                s.Items.OrderBy(i => i.Position).Select(ToDto).ToList())).ToList());

    private static FormItemDto ToDto(FormItem i) =>
        new(i.Key, i.Position, i.Kind, FormRules.NameOf(i.Kind), i.Text, i.Help, i.Required, i.Scale,
            GradeScales.Of(i.Scale).Select(l => l.Label).ToList(), i.MaxScore, i.Weight, i.MaxLength, i.MaxChoices, [.. i.Options]);
}
