using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>
/// A campaign for grade, flag and exclusion tests: one rater group, one assignment covering every
/// subject with a form of <see cref="ItemIds"/> grade items. <see cref="SubjectOf"/> maps an
/// organisation or member id to its subject id.
/// </summary>
internal sealed record ArrangedCampaign(int Id, int GroupId, int AssignmentId, int VersionId, int[] ItemIds, int[] SubjectIds,
    Dictionary<(bool IsMember, int Id), int> Subjects)
{
    public int Org(int organizationId) => Subjects[(false, organizationId)];

    public int Member(int memberId) => Subjects[(true, memberId)];
}

internal static class DecisionArrange
{
    /// <summary>
    /// Creates (through the API, as the system administrator) and opens a campaign of
    /// <paramref name="runBy"/> on the given organisations and members, with
    /// <paramref name="items"/> grade items on <paramref name="scale"/>.
    /// </summary>
    public static async Task<ArrangedCampaign> OpenAsync(this AppFixture app, int runBy, string name, int[] organizationIds, int[] memberIds,
        GradeScale scale = GradeScale.Satisfaction3, int items = 1)
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var formId = await app.WithDbAsync(async db =>
        {
            var form = new Form
            {
                OrganizationId = runBy,
                CreatedUtc = DateTime.UtcNow,
                Versions =
                [
                    new FormVersion
                    {
                        Number = 1, Title = name + "测评表", CreatedUtc = DateTime.UtcNow,
                        Sections =
                        [
                            new FormSection
                            {
                                Position = 1,
                                Items = [.. Enumerable.Range(1, items).Select(i =>
                                    new FormItem { Position = i, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = $"第{i}项", Scale = scale })],
                            },
                        ],
                    },
                ],
            };
            db.Forms.Add(form);
            await db.SaveChangesAsync();
            return form.Id;
        });
        var id = await sys.CreateViaApiAsync(new
        {
            organizationId = runBy,
            name,
            year = app.Today().Year,
            startsOn = CampaignTestData.Iso(app.Today()),
            endsOn = CampaignTestData.Iso(app.Today().AddDays(30)),
            subjects = new { organizationIds, memberIds },
            groups = new[] { new { kind = "StaffRepresentative", name = (string?)null, plannedCount = 500, weight = 100 } },
            assignments = new[] { new { groupIndex = 0, direction = "TopDown", formId, organizationIds, memberIds } },
        });
        await BallotArrange.SetStateAsync(sys, id, "Open");
        return await app.WithDbAsync(async db =>
        {
            var assignment = await db.Assignments.Where(a => a.CampaignId == id).SingleAsync();
            var sections = db.FormSections.Where(s => s.FormVersionId == assignment.FormVersionId).Select(s => s.Id);
            var itemIds = await db.FormItems.Where(i => sections.Contains(i.SectionId))
                .OrderBy(i => i.Position).Select(i => i.Id).ToArrayAsync();
            var subjects = await db.CampaignSubjects.Where(s => s.CampaignId == id).ToListAsync();
            return new ArrangedCampaign(id, assignment.RaterGroupId, assignment.Id, assignment.FormVersionId!.Value, itemIds,
                [.. subjects.Select(s => s.Id)],
                subjects.ToDictionary(s => (s.MemberId is not null, s.MemberId ?? s.OrganizationId!.Value), s => s.Id));
        });
    }

    public static async Task CloseAsync(this AppFixture app, ArrangedCampaign campaign)
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        await BallotArrange.SetStateAsync(sys, campaign.Id, "Closed");
    }

    /// <summary>
    /// Inserts <paramref name="count"/> ballots directly: ballot j answers every item for subject s
    /// with <paramref name="value"/>(s, j) (no answer for that subject when null), then recounts
    /// the campaign's aggregates. Returns the ballots' ids.
    /// </summary>
    public static Task<List<Guid>> InsertBallotsAsync(this AppFixture app, ArrangedCampaign c, int count, Func<int, int, int?> value,
        BallotFlags flags = BallotFlags.None, BallotChannel channel = BallotChannel.Online) =>
        app.WithDbAsync(async db =>
        {
            var ids = new List<Guid>();
            for (var j = 0; j < count; j++)
            {
                var ballot = new Ballot
                {
                    Id = Guid.NewGuid(),
                    CampaignId = c.Id,
                    RaterGroupId = c.GroupId,
                    AssignmentId = c.AssignmentId,
                    FormVersionId = c.VersionId,
                    Channel = channel,
                    SubmittedOn = app.Today(),
                    ReceiptHash = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
                    Flags = flags,
                };
                foreach (var s in c.SubjectIds)
                {
                    if (value(s, j) is { } v)
                    {
                        ballot.Answers.AddRange(c.ItemIds.Select(i => new BallotAnswer { SubjectId = s, ItemId = i, Value = v }));
                    }
                }
                db.Ballots.Add(ballot);
                ids.Add(ballot.Id);
            }
            await db.SaveChangesAsync();
            await ResultAggregates.RecomputeAsync(db, c.Id);
            return ids;
        });

    /// <summary>The campaign's input as the loader reads it now (through a fresh load, not the cache).</summary>
    public static Task<ResultInput> LoadInputAsync(this AppFixture app, int campaignId) =>
        app.WithDbAsync(db => ResultInputs.LoadAsync(db, campaignId));

    /// <summary>A branch with <paramref name="count"/> members under <paramref name="parentId"/>; <paramref name="code"/> must be unique.</summary>
    public static async Task<(int BranchId, int[] MemberIds)> AddBranchAsync(this AppFixture app, int parentId, string code, string tag, int count)
    {
        var branch = await app.AddOrganizationAsync(code, tag + "党支部", parentId, Domain.Organizations.OrganizationKind.Branch);
        var members = new List<int>();
        for (var i = 1; i <= count; i++)
        {
            members.Add((await app.AddMemberAsync(branch.Id, $"{tag}党员{i}")).Id);
        }
        return (branch.Id, [.. members]);
    }
}
