using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// Reads a campaign's <see cref="ResultInput"/>: its plan and the running aggregates, never the
/// ballots. A few thousand rows for a large campaign (subjects × items × levels), read in key order.
/// </summary>
public static class ResultInputs
{
    public static async Task<ResultInput> LoadAsync(AppDbContext db, int campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId, cancellationToken);
        var groups = await db.RaterGroups.AsNoTracking().Where(g => g.CampaignId == campaignId)
            .OrderBy(g => g.Position).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        var subjects = await db.CampaignSubjects.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .Select(s => new
            {
                s.Id,
                s.OrganizationId,
                s.MemberId,
                Name = s.Member != null ? s.Member.Name : s.Organization!.Name,
                Parent = s.Member != null ? (int?)s.Member.OrganizationId : s.Organization!.ParentId,
            })
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .Select(a => new { a.Id, a.RaterGroupId, a.Direction, a.FormVersionId, Subjects = a.Subjects.Select(s => s.Id).ToList() })
            .ToListAsync(cancellationToken);
        var versionIds = assignments.Where(a => a.FormVersionId is not null).Select(a => a.FormVersionId!.Value).Distinct().ToList();
        var sections = await db.Set<FormSection>().AsNoTracking().Where(s => versionIds.Contains(s.FormVersionId))
            .ToDictionaryAsync(s => s.Id, s => s.Position, cancellationToken);
        var sectionIds = sections.Keys.ToList();
        var items = (await db.FormItems.AsNoTracking().Where(i => sectionIds.Contains(i.SectionId)).ToListAsync(cancellationToken))
            .Select(i => new { Item = i, SectionPosition = sections[i.SectionId] }).ToList();
        var ballots = await db.ResultBallotCounts.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .ToDictionaryAsync(r => r.AssignmentId, cancellationToken);
        var answers = await db.ResultAnswerCounts.AsNoTracking().Where(r => r.CampaignId == campaignId && r.Count > 0)
            .OrderBy(r => r.AssignmentId).ThenBy(r => r.SubjectId).ThenBy(r => r.ItemId).ThenBy(r => r.Value)
            .Select(r => new { r.AssignmentId, r.SubjectId, r.ItemId, r.Value, r.Count })
            .ToListAsync(cancellationToken);

        var groupOf = assignments.ToDictionary(a => a.Id, a => a.RaterGroupId);
        var cells = assignments
            .SelectMany(a => a.Subjects.Select(s => new CellCount(s, a.RaterGroupId, a.Direction, ballots.TryGetValue(a.Id, out var b) ? b.Ballots : 0)))
            .OrderBy(c => c.SubjectId).ThenBy(c => c.RaterGroupId)
            .ToList();
        return new ResultInput(
            campaignId,
            campaign.MinGroupSize,
            campaign.ResultSettings,
            groups.Select(g => new GroupInfo(g.Id, g.Name, g.Weight, g.PlannedCount, g.IsLowerTrust, g.Position)).ToList(),
            subjects.Select(s => new SubjectInfo(s.Id, s.Name, s.OrganizationId, s.MemberId, s.Parent)).ToList(),
            items.OrderBy(x => x.SectionPosition).ThenBy(x => x.Item.Position).ThenBy(x => x.Item.Id)
                .Select((x, i) => new ItemInfo(x.Item.Id, x.Item.Key, x.Item.Text, x.Item.Kind, x.Item.Scale, x.Item.MaxScore, x.Item.Weight, i) { Options = x.Item.Options })
                .ToList(),
            cells,
            answers.Where(a => groupOf.ContainsKey(a.AssignmentId))
                .Select(a => new AnswerCount(a.SubjectId, groupOf[a.AssignmentId], a.ItemId, a.Value, a.Count)).ToList(),
            ballots.Values.Sum(b => b.Excluded));
    }
}
