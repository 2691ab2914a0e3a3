using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop;

/// <summary>
/// The organisation a correction plan or a model record is for: named by a confirmed flag of the
/// right kind (软弱涣散 or 先进典型) or chosen by hand, in scope, and below the caller — only a
/// superior sets a plan or records a model.
/// </summary>
public static class FlagTargets
{
    /// <summary>A confirmed flag of <paramref name="kind"/> on an organisation in scope, or null (refusal audited).</summary>
    public static async Task<OrganizationFlag?> FindConfirmedAsync(AppDbContext db, OrgScope scope, OrganizationFlagKind kind, int flagId)
    {
        var flag = await db.OrganizationFlags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == flagId
            && f.Kind == kind && f.State == OrganizationFlagState.Confirmed);
        if (flag is null)
        {
            await scope.DenyAsync("OrganizationFlag", flagId);
            return null;
        }
        return await scope.FindOrganizationAsync(flag.OrganizationId) is null ? null : flag;
    }

    /// <summary>The flag (if any) and its organisation, or the refusal: missing, none chosen, or not the caller's to decide.</summary>
    public static async Task<(OrganizationFlag? Flag, Organization? Organization, CommandResult? Refusal)> ResolveAsync(AppDbContext db, OrgScope scope,
        OrganizationFlagKind kind, int? flagId, int? organizationId, string noneChosen, string notSuperior)
    {
        OrganizationFlag? flag = null;
        Organization? org;
        if (flagId is { } id)
        {
            flag = await FindConfirmedAsync(db, scope, kind, id);
            if (flag is null)
            {
                return (null, null, CommandResult.Missing);
            }
            org = await db.Organizations.SingleAsync(o => o.Id == flag.OrganizationId);
        }
        else if (organizationId is { } orgId)
        {
            org = await scope.FindOrganizationAsync(orgId);
            if (org is null)
            {
                return (null, null, CommandResult.Missing);
            }
        }
        else
        {
            return (null, null, CommandResult.Fail(noneChosen));
        }
        return await scope.IsSuperiorOfAsync(org) ? (flag, org, null) : (null, null, CommandResult.Fail(notSuperior));
    }
}
