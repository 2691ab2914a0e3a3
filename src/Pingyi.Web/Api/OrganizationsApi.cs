using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Api;

public sealed record OrganizationDto(int Id, string Code, string Name, OrganizationKind Kind, string KindName,
    UnitType UnitType, string UnitTypeName, int? ParentId, bool IsActive);

public sealed record MemberDto(int Id, int OrganizationId, string Name, MemberRole Role, string RoleName,
    Gender Gender, string? Position, string? EmployeeNo, bool IsActive);

public sealed record CreateOrganizationRequest(int? ParentId, string? Code, string? Name, OrganizationKind Kind, UnitType UnitType);

public sealed record CreateMemberRequest(int OrganizationId, string? Name, MemberRole Role, Gender Gender, string? Position, string? EmployeeNo);

/// <summary>
/// JSON API for the systems around Pingyi. Every endpoint applies the caller's organisation
/// scope exactly as the pages do: an id outside it answers 404, as if it did not exist.
/// </summary>
public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("").WithTags("组织与人员");

        api.MapGet("/organizations", async (OrgScope scope) =>
            (await (await scope.OrganizationsAsync()).OrderBy(o => o.Path).ToListAsync()).Select(ToDto));

        api.MapGet("/organizations/{id:int}", async Task<Results<Ok<OrganizationDto>, NotFound>> (int id, OrgScope scope) =>
            await scope.FindOrganizationAsync(id) is { } org ? TypedResults.Ok(ToDto(org)) : TypedResults.NotFound());

        api.MapPost("/organizations", async Task<Results<Created<OrganizationDto>, NotFound, ValidationProblem>> (
            CreateOrganizationRequest request, OrganizationCommands commands, OrgScope scope) =>
        {
            var result = await commands.CreateAsync(request.ParentId,
                new OrganizationInput(request.Code, request.Name, request.Kind, request.UnitType));
            if (result.NotFound)
            {
                return TypedResults.NotFound();
            }
            if (result.Error is { } error)
            {
                return Invalid(error);
            }
            var org = await scope.FindOrganizationAsync(result.Id!.Value);
            return TypedResults.Created($"/api/organizations/{org!.Id}", ToDto(org));
        });

        api.MapGet("/organizations/{id:int}/members", async Task<Results<Ok<List<MemberDto>>, NotFound>> (int id, OrgScope scope) =>
        {
            if (await scope.FindOrganizationAsync(id) is null)
            {
                return TypedResults.NotFound();
            }
            var members = await (await scope.MembersAsync()).Where(m => m.OrganizationId == id).OrderBy(m => m.Id).ToListAsync();
            return TypedResults.Ok(members.Select(ToDto).ToList());
        });

        api.MapGet("/members/{id:int}", async Task<Results<Ok<MemberDto>, NotFound>> (int id, OrgScope scope) =>
            await scope.FindMemberAsync(id) is { } m ? TypedResults.Ok(ToDto(m)) : TypedResults.NotFound());

        api.MapPost("/members", async Task<Results<Created<MemberDto>, NotFound, ValidationProblem>> (
            CreateMemberRequest request, OrganizationCommands commands, OrgScope scope) =>
        {
            var result = await commands.CreateMemberAsync(request.OrganizationId,
                new MemberInput(request.Name, request.Role, request.Gender, request.Position, request.EmployeeNo));
            if (result.NotFound)
            {
                return TypedResults.NotFound();
            }
            if (result.Error is { } error)
            {
                return Invalid(error);
            }
            var member = await scope.FindMemberAsync(result.Id!.Value);
            return TypedResults.Created($"/api/members/{member!.Id}", ToDto(member));
        });
    }

    private static ValidationProblem Invalid(string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [error] }, title: error);

    private static OrganizationDto ToDto(Organization o) =>
        new(o.Id, o.Code, o.Name, o.Kind, Labels.Of(o.Kind), o.UnitType, Labels.Of(o.UnitType), o.ParentId, o.IsActive);

    private static MemberDto ToDto(Member m) =>
        new(m.Id, m.OrganizationId, m.Name, m.Role, Labels.Of(m.Role), m.Gender, m.Position, m.EmployeeNo, m.IsActive);
}
