using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>
/// A bureau campaign with two rater groups (服务对象 weight 70, 职工代表 weight 30, one assignment per
/// group and subject) over unit A, a unit under A with a hostile name, and unit B; with
/// <c>standing</c> also a 平时评议 group (lower trust, weight 0) rating every subject.
/// </summary>
internal sealed record PagesCampaign(int Id, int GroupServiceId, int GroupStaffId, int? GroupStandingId, int UnitA, int Hostile, int UnitB, string HostileName, string UnitBName);

internal static class ResultPagesArrange
{
    public const string Script = "<script>alert(1)</script>";

    public static async Task<PagesCampaign> CreateAsync(this AppFixture app, TestClient sys, string name, bool standing = false)
    {
        var hostileName = $"{Script}{name}";
        var hostile = await app.AddOrganizationAsync($"R{Guid.NewGuid():N}"[..12], hostileName, app.UnitAId);
        var (formId, _) = await app.AddFormAsync(app.BureauId, "满意度测评表");
        int[] organizations = [app.UnitAId, hostile.Id, app.UnitBId];
        var id = await sys.CreateViaApiAsync(new
        {
            organizationId = app.BureauId,
            name,
            year = app.Today().Year,
            startsOn = CampaignTestData.Iso(app.Today()),
            endsOn = CampaignTestData.Iso(app.Today().AddDays(30)),
            subjects = new { organizationIds = organizations, memberIds = Array.Empty<int>() },
            groups = new[]
            {
                new { kind = "ServiceRecipient", name = (string?)null, plannedCount = 50, weight = 70 },
                new { kind = "StaffRepresentative", name = (string?)null, plannedCount = 20, weight = 30 },
                new { kind = "StandingChannel", name = (string?)null, plannedCount = 100, weight = 0 },
            }.Take(standing ? 3 : 2).ToArray(),
            assignments = organizations.SelectMany(o => new[]
            {
                new { groupIndex = 0, direction = "ServiceRecipients", formId, organizationIds = new[] { o }, memberIds = Array.Empty<int>() },
                new { groupIndex = 1, direction = "BottomUp", formId, organizationIds = new[] { o }, memberIds = Array.Empty<int>() },
                new { groupIndex = 2, direction = "ServiceRecipients", formId, organizationIds = new[] { o }, memberIds = Array.Empty<int>() },
            }.Take(standing ? 3 : 2)).ToArray(),
        });
        await BallotArrange.SetStateAsync(sys, id, "Open");
        return await app.WithDbAsync(async db =>
        {
            var groups = await db.RaterGroups.Where(g => g.CampaignId == id).OrderBy(g => g.Position).Select(g => g.Id).ToListAsync();
            var subjects = await db.CampaignSubjects.Where(s => s.CampaignId == id).ToDictionaryAsync(s => s.OrganizationId!.Value, s => s.Id);
            var unitB = await db.Organizations.Where(o => o.Id == app.UnitBId).Select(o => o.Name).SingleAsync();
            return new PagesCampaign(id, groups[0], groups[1], standing ? groups[2] : null, subjects[app.UnitAId], subjects[hostile.Id], subjects[app.UnitBId], hostileName, unitB);
        });
    }

    /// <summary>
    /// Stores <paramref name="ballots"/> ballots of the group for the subject, the first
    /// <paramref name="satisfied"/> answering 满意 and the rest 不满意, then recounts the campaign's aggregates.
    /// </summary>
    public static Task AddBallotsAsync(this AppFixture app, PagesCampaign c, int subjectId, int groupId, int ballots, int satisfied) =>
        app.WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.Where(a => a.CampaignId == c.Id && a.RaterGroupId == groupId && a.Subjects.Any(s => s.Id == subjectId))
                .Select(a => new { a.Id, a.FormVersionId }).SingleAsync();
            var item = await db.FormItems.Where(i => db.Set<FormSection>().Any(s => s.Id == i.SectionId && s.FormVersionId == assignment.FormVersionId)
                && i.Kind == ItemKind.Grade).Select(i => i.Id).SingleAsync();
            for (var i = 0; i < ballots; i++)
            {
                db.Ballots.Add(new Ballot
                {
                    Id = Guid.NewGuid(),
                    CampaignId = c.Id,
                    RaterGroupId = groupId,
                    AssignmentId = assignment.Id,
                    FormVersionId = assignment.FormVersionId!.Value,
                    Channel = BallotChannel.Paper,
                    SubmittedOn = app.Today(),
                    ReceiptHash = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
                    Answers = [new BallotAnswer { SubjectId = subjectId, ItemId = item, Value = i < satisfied ? 1 : 3 }],
                });
            }
            await db.SaveChangesAsync();
            await ResultAggregates.RecomputeAsync(db, c.Id);
        });
}
