using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Organizations;

public sealed record OrganizationInput(string? Code, string? Name, OrganizationKind Kind, UnitType UnitType, int SortOrder = 0);

public sealed record MemberInput(string? Name, MemberRole Role, Gender Gender, string? Position, string? EmployeeNo);

/// <summary>The outcome of a command: done, refused with a Chinese reason, or not found (or out of scope).</summary>
public sealed record CommandResult(string? Error = null, bool NotFound = false, int? Id = null)
{
    public bool Succeeded => Error is null && !NotFound;

    public static CommandResult Ok(int? id = null) => new(Id: id);

    public static CommandResult Fail(string error) => new(error);

    public static readonly CommandResult Missing = new(NotFound: true);
}

/// <summary>
/// Every change to organisations and members, shared by the pages and the API so both enforce
/// the same scope, validation and audit. Each command commits its change and its audit row in
/// one SaveChanges.
/// </summary>
public sealed class OrganizationCommands(AppDbContext db, OrgScope scope, AuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommandResult> CreateAsync(int? parentId, OrganizationInput input)
    {
        Organization? parent = null;
        if (parentId is { } pid)
        {
            parent = await scope.FindOrganizationAsync(pid);
            if (parent is null)
            {
                return CommandResult.Missing;
            }
            if (!parent.IsActive)
            {
                return CommandResult.Fail("上级组织已停用，不能在其下新增组织。");
            }
        }
        else if (!scope.IsSystemAdmin)
        {
            return CommandResult.Fail("只有系统管理员可以建立根组织。");
        }
        var error = await ValidateAsync(input, null);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var org = new Organization
        {
            Code = TextRules.NormalizeCode(input.Code)!,
            Name = input.Name!.Trim(),
            Kind = input.Kind,
            UnitType = input.UnitType,
            ParentId = parent?.Id,
            SortOrder = input.SortOrder,
            CreatedUtc = Now,
        };
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        org.Path = OrganizationTree.PathOf(parent?.Path, org.Id);
        audit.Add(AuditActions.OrganizationCreate, AuditOutcome.Success, "Organization", Id(org.Id),
            $"{org.Code} {org.Name}，上级：{parent?.Name ?? "（根）"}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(org.Id);
    }

    public async Task<CommandResult> UpdateAsync(int id, OrganizationInput input)
    {
        var org = await scope.FindOrganizationAsync(id);
        if (org is null)
        {
            return CommandResult.Missing;
        }
        var error = await ValidateAsync(input, org.Id);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }
        var before = $"{org.Code} {org.Name} {Labels.Of(org.Kind)} {Labels.Of(org.UnitType)}";
        org.Code = TextRules.NormalizeCode(input.Code)!;
        org.Name = input.Name!.Trim();
        org.Kind = input.Kind;
        org.UnitType = input.UnitType;
        org.SortOrder = input.SortOrder;
        audit.Add(AuditActions.OrganizationRename, AuditOutcome.Success, "Organization", Id(org.Id),
            $"{before} → {org.Code} {org.Name} {Labels.Of(org.Kind)} {Labels.Of(org.UnitType)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(org.Id);
    }

    public async Task<CommandResult> MoveAsync(int id, int newParentId)
    {
        var org = await scope.FindOrganizationAsync(id);
        if (org is null)
        {
            return CommandResult.Missing;
        }
        var parent = await scope.FindOrganizationAsync(newParentId);
        if (parent is null)
        {
            return CommandResult.Missing;
        }
        if (scope.IsScopeRoot(org))
        {
            return CommandResult.Fail("您管理范围的根组织只能由上级管理员移动。");
        }
        if (OrganizationTree.CheckMove(org, parent) is { } error)
        {
            return CommandResult.Fail(error);
        }
        if (org.ParentId == parent.Id)
        {
            return CommandResult.Fail("该组织已经在所选上级组织之下。");
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var oldPath = org.Path;
        var newPath = OrganizationTree.PathOf(parent.Path, org.Id);
        var subtree = await db.Organizations.Where(o => o.Path.StartsWith(oldPath)).ToListAsync();
        foreach (var node in subtree)
        {
            node.Path = OrganizationTree.Rebase(node.Path, oldPath, newPath);
        }
        var oldParentId = org.ParentId;
        org.ParentId = parent.Id;
        audit.Add(AuditActions.OrganizationMove, AuditOutcome.Success, "Organization", Id(org.Id),
            $"{org.Name}：上级 {oldParentId} → {parent.Id}（{parent.Name}），含下级 {subtree.Count - 1} 个");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(org.Id);
    }

    /// <summary>
    /// Deactivating keeps the organisation and its history; it is refused while active children
    /// remain, so nothing below a deactivated node is left active by accident.
    /// </summary>
    public async Task<CommandResult> SetActiveAsync(int id, bool active)
    {
        var org = await scope.FindOrganizationAsync(id);
        if (org is null)
        {
            return CommandResult.Missing;
        }
        if (scope.IsScopeRoot(org))
        {
            return CommandResult.Fail("您管理范围的根组织只能由上级管理员停用或启用。");
        }
        if (org.IsActive == active)
        {
            return CommandResult.Fail(active ? "该组织已是启用状态。" : "该组织已是停用状态。");
        }
        if (!active && await db.Organizations.AnyAsync(o => o.ParentId == org.Id && o.IsActive))
        {
            return CommandResult.Fail("该组织还有启用中的下级组织，请先停用或移走下级组织。");
        }
        if (active && org.ParentId is { } pid && !await db.Organizations.AnyAsync(o => o.Id == pid && o.IsActive))
        {
            return CommandResult.Fail("上级组织已停用，请先启用上级组织。");
        }
        org.IsActive = active;
        org.DeactivatedUtc = active ? null : Now;
        audit.Add(active ? AuditActions.OrganizationReactivate : AuditActions.OrganizationDeactivate,
            AuditOutcome.Success, "Organization", Id(org.Id), $"{org.Code} {org.Name}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(org.Id);
    }

    public async Task<CommandResult> CreateMemberAsync(int organizationId, MemberInput input)
    {
        var org = await scope.FindOrganizationAsync(organizationId);
        if (org is null)
        {
            return CommandResult.Missing;
        }
        if (!org.IsActive)
        {
            return CommandResult.Fail("该组织已停用，不能新增人员。");
        }
        var error = await ValidateMemberAsync(org.Id, input, null);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var member = new Member { OrganizationId = org.Id, CreatedUtc = Now };
        Apply(member, input);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.MemberCreate, AuditOutcome.Success, "Member", Id(member.Id),
            $"{member.Name}（{Labels.Of(member.Role)}），{org.Name}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(member.Id);
    }

    public async Task<CommandResult> UpdateMemberAsync(int memberId, MemberInput input, int organizationId, bool isActive)
    {
        var member = await scope.FindMemberAsync(memberId);
        if (member is null)
        {
            return CommandResult.Missing;
        }
        if (organizationId != member.OrganizationId)
        {
            var target = await scope.FindOrganizationAsync(organizationId);
            if (target is null)
            {
                return CommandResult.Missing;
            }
            if (!target.IsActive)
            {
                return CommandResult.Fail("目标组织已停用。");
            }
        }
        var error = await ValidateMemberAsync(organizationId, input, member.Id);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }
        var before = $"{member.Name} {Labels.Of(member.Role)} 组织{member.OrganizationId} {(member.IsActive ? "在册" : "停用")}";
        Apply(member, input);
        member.OrganizationId = organizationId;
        member.IsActive = isActive;
        audit.Add(AuditActions.MemberUpdate, AuditOutcome.Success, "Member", Id(member.Id),
            $"{before} → {member.Name} {Labels.Of(member.Role)} 组织{member.OrganizationId} {(member.IsActive ? "在册" : "停用")}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(member.Id);
    }

    private static void Apply(Member member, MemberInput input)
    {
        member.Name = input.Name!.Trim();
        member.Role = input.Role;
        member.Gender = input.Gender;
        member.Position = string.IsNullOrWhiteSpace(input.Position) ? null : input.Position.Trim();
        member.EmployeeNo = string.IsNullOrWhiteSpace(input.EmployeeNo) ? null : input.EmployeeNo.Trim();
    }

    private async Task<string?> ValidateAsync(OrganizationInput input, int? selfId)
    {
        var error = TextRules.CheckCode(input.Code) ?? TextRules.CheckName(input.Name, "组织名称", Organization.NameMaxLength);
        if (error is not null)
        {
            return error;
        }
        if (!Enum.IsDefined(input.Kind))
        {
            return "请选择组织类别。";
        }
        if (!Enum.IsDefined(input.UnitType))
        {
            return "单位类型无效。";
        }
        var code = TextRules.NormalizeCode(input.Code);
        if (await db.Organizations.AnyAsync(o => o.Code == code && o.Id != selfId))
        {
            return $"组织编码“{code}”已被使用。";
        }
        return null;
    }

    private async Task<string?> ValidateMemberAsync(int organizationId, MemberInput input, int? selfId)
    {
        var error = TextRules.CheckName(input.Name, "姓名", Member.NameMaxLength)
            ?? TextRules.CheckOptional(input.Position, "职务", Member.PositionMaxLength)
            ?? TextRules.CheckOptional(input.EmployeeNo, "工号", Member.EmployeeNoMaxLength);
        if (error is not null)
        {
            return error;
        }
        if (!Enum.IsDefined(input.Role))
        {
            return "请选择人员类别。";
        }
        if (!Enum.IsDefined(input.Gender))
        {
            return "性别无效。";
        }
        var no = input.EmployeeNo?.Trim();
        if (!string.IsNullOrEmpty(no) &&
            await db.Members.AnyAsync(m => m.OrganizationId == organizationId && m.EmployeeNo == no && m.Id != selfId))
        {
            return $"工号“{no}”在该组织中已存在。";
        }
        return null;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
