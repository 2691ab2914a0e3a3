using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Models;

public sealed record ModelInput(int? FlagId, int? OrganizationId, string? Title, string? Evidence, string? Deeds);

public sealed record ModelRow(ModelRecord Record, string OrganizationName);

/// <summary>先进典型: a superior records an organisation as a model, from a confirmed flag or by hand, with evidence and deeds.</summary>
public sealed class ModelCommands(AppDbContext db, OrgScope scope, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<List<ModelRow>> ListAsync()
    {
        var ids = (await scope.OrganizationsAsync()).Select(o => o.Id);
        var rows = await db.ModelRecords.AsNoTracking().Where(m => ids.Contains(m.OrganizationId))
            .OrderByDescending(m => m.RecordedOn).ThenByDescending(m => m.Id)
            .Select(m => new { Record = m, Name = db.Organizations.Where(o => o.Id == m.OrganizationId).Select(o => o.Name).First() })
            .ToListAsync();
        return [.. rows.Select(r => new ModelRow(r.Record, r.Name))];
    }

    /// <summary>A confirmed flag of this kind on an organisation in scope, or null (refusal audited).</summary>
    public Task<OrganizationFlag?> FindModelFlagAsync(int flagId) => FlagTargets.FindConfirmedAsync(db, scope, OrganizationFlagKind.Model, flagId);

    public async Task<CommandResult> CreateAsync(ModelInput input)
    {
        var (flag, org, refusal) = await FlagTargets.ResolveAsync(db, scope, OrganizationFlagKind.Model, input.FlagId, input.OrganizationId,
            "请选择先进典型组织。", "只有上级组织可以记录先进典型。");
        if (refusal is not null || org is null)
        {
            return refusal ?? CommandResult.Missing;
        }
        var title = input.Title?.Trim();
        var evidence = input.Evidence?.Trim();
        var deeds = input.Deeds?.Trim();
        if (string.IsNullOrEmpty(title) || string.IsNullOrEmpty(evidence) || string.IsNullOrEmpty(deeds))
        {
            return CommandResult.Fail("请填写标题、依据和事迹。");
        }
        if (title.Length > ModelRecord.TitleMaxLength)
        {
            return CommandResult.Fail($"标题不能超过{ModelRecord.TitleMaxLength}字。");
        }
        if (evidence.Length > ModelRecord.TextMaxLength || deeds.Length > ModelRecord.TextMaxLength)
        {
            return CommandResult.Fail($"依据和事迹各不能超过{ModelRecord.TextMaxLength}字。");
        }
        var record = new ModelRecord
        {
            OrganizationId = org.Id,
            CampaignId = flag?.CampaignId,
            FlagId = flag?.Id,
            Title = title,
            Evidence = evidence,
            Deeds = deeds,
            RecordedOn = CampaignPlan.Today(clock),
            RecordedBy = http.UserName(),
        };
        db.ModelRecords.Add(record);
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        audit.Add(AuditActions.ModelRecordCreate, AuditOutcome.Success, "ModelRecord", record.Id.ToString(CultureInfo.InvariantCulture),
            $"{org.Name}：{title}{(flag is null ? "（手工）" : "（先进典型认定）")}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(record.Id);
    }
}
