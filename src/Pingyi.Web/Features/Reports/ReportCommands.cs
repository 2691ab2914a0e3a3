using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Reports;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Reports;

/// <summary>A report as built for one target: its figures, the saved wording and the document.</summary>
public sealed record BuiltReport(ReportTarget Target, SummaryFigures Figures, IReadOnlyDictionary<string, string> Saved, ReportDocument Document);

/// <summary>
/// The summary report (工作总结), shared by the report page, the download and the <c>report</c>
/// command: builds the document of a target, and keeps the administrators' wording of each section
/// (one <see cref="ReportNarrative"/> per report scope and section, saved with its audit row).
/// </summary>
public sealed class ReportCommands(AppDbContext db, SummaryQuery query, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Lost = "已被他人处理，请刷新后重试。";

    public async Task<BuiltReport> BuildAsync(ReportTarget target, CancellationToken ct = default)
    {
        var figures = await query.LoadAsync(target, ct);
        var saved = await SavedAsync(target.Info.Key, ct);
        return new BuiltReport(target, figures, saved, SummaryBuilder.Build(figures, saved, CampaignPlan.Today(clock)));
    }

    public async Task<IReadOnlyDictionary<string, string>> SavedAsync(string scopeKey, CancellationToken ct = default) =>
        await db.ReportNarratives.AsNoTracking().Where(n => n.ScopeKey == scopeKey).ToDictionaryAsync(n => n.SectionKey, n => n.Text, ct);

    /// <summary>Saves a section's wording as typed (placeholders kept, figures filled in when the report is built).</summary>
    public async Task<CommandResult> SaveAsync(ReportTarget target, string? sectionKey, string? text)
    {
        if (NarrativeTemplates.Find(sectionKey) is not { } section)
        {
            return CommandResult.Fail("没有这一节，请刷新后重试。");
        }
        text = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (NarrativeRenderer.Check(text, SummaryPlaceholders.Names) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var key = target.Info.Key;
        var row = await db.ReportNarratives.FirstOrDefaultAsync(n => n.ScopeKey == key && n.SectionKey == section.Key);
        if (row is null)
        {
            row = new ReportNarrative { OrganizationId = target.Info.OrganizationId, ScopeKey = key, SectionKey = section.Key };
            db.ReportNarratives.Add(row);
        }
        row.Text = text!;
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "";
        audit.Add(AuditActions.ReportNarrativeSave, AuditOutcome.Success, "ReportNarrative", $"{key}/{section.Key}",
            $"{target.Name}，{section.Heading}（{text!.Length}字）");
        return await SaveChangesAsync();
    }

    /// <summary>Back to the pre-written wording: the saved row is removed.</summary>
    public async Task<CommandResult> ResetAsync(ReportTarget target, string? sectionKey)
    {
        if (NarrativeTemplates.Find(sectionKey) is not { } section)
        {
            return CommandResult.Fail("没有这一节，请刷新后重试。");
        }
        var key = target.Info.Key;
        var row = await db.ReportNarratives.FirstOrDefaultAsync(n => n.ScopeKey == key && n.SectionKey == section.Key);
        if (row is null)
        {
            return CommandResult.Ok();
        }
        db.ReportNarratives.Remove(row);
        audit.Add(AuditActions.ReportNarrativeReset, AuditOutcome.Success, "ReportNarrative", $"{key}/{section.Key}", $"{target.Name}，{section.Heading}");
        return await SaveChangesAsync();
    }

    /// <summary>Audits a generated file: which report, in which format, by whom (the actor of the request or "cli").</summary>
    public async Task AuditGeneratedAsync(BuiltReport report, string format, string? actor = null) =>
        await audit.WriteAsync(AuditActions.ReportGenerate, AuditOutcome.Success, "Report", report.Target.Info.Key,
            $"{report.Document.Title}（{format}）", actor);

    // Two administrators saving the same new section at once: the unique index refuses the second.
    private async Task<CommandResult> SaveChangesAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return CommandResult.Ok();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Fail(Lost);
        }
    }
}
