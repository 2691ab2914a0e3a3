using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Progress;

/// <summary>
/// A campaign with known counts, its rows inserted directly. Group 甲 (名额 10) has one assignment
/// over subjects S1 and S2 and 7 ballots; group 乙 (名额 4) has two assignments, one over S1 and one
/// over S3, and 5 raters, so 10 ballots. S1 is covered by both groups. Codes: 甲 12 issued, 7 used,
/// 2 void; 乙 6 issued, 5 used, none void.
/// </summary>
internal sealed record ProgressWorld(int CampaignId, string Tag, int GroupA, int GroupB, int S1, int S2, int S3);

internal static class ProgressArrange
{
    public static async Task<ProgressWorld> ArrangeAsync(this AppFixture app, int organizationId, int[] subjectOrganizations, int subjectMember,
        string? groupAName = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (_, versionId) = await app.AddFormAsync(organizationId, $"进度表{tag}");
        return await app.WithDbAsync(async db =>
        {
            var items = await db.FormItems.Where(i => db.FormSections.Any(s => s.Id == i.SectionId && s.FormVersionId == versionId))
                .OrderBy(i => i.Position).Select(i => i.Id).ToListAsync();
            var today = app.Today();
            var s1 = new CampaignSubject { OrganizationId = subjectOrganizations[0] };
            var s2 = new CampaignSubject { OrganizationId = subjectOrganizations[1] };
            var s3 = new CampaignSubject { MemberId = subjectMember };
            var a = new RaterGroup { Kind = RaterGroupKind.Custom, Name = groupAName ?? $"甲组{tag}", PlannedCount = 10, Weight = 60, Position = 1 };
            var b = new RaterGroup { Kind = RaterGroupKind.Custom, Name = $"乙组{tag}", PlannedCount = 4, Weight = 40, Position = 2 };
            var a1 = new Assignment { RaterGroup = a, Direction = Direction.ServiceRecipients, FormVersionId = versionId, Subjects = [s1, s2] };
            var b1 = new Assignment { RaterGroup = b, Direction = Direction.BottomUp, FormVersionId = versionId, Subjects = [s1] };
            var b2 = new Assignment { RaterGroup = b, Direction = Direction.OrganizationRatesMembers, FormVersionId = versionId, Subjects = [s3] };
            var campaign = new Campaign
            {
                OrganizationId = organizationId,
                Name = $"进度活动{tag}",
                Year = today.Year,
                StartsOn = today.AddDays(-3),
                EndsOn = today.AddDays(10),
                State = CampaignState.Open,
                CreatedUtc = DateTime.UtcNow,
                OpenedUtc = DateTime.UtcNow,
                Subjects = [s1, s2, s3],
                RaterGroups = [a, b],
                Assignments = [a1, b1, b2],
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();

            void Ballots(Assignment assignment, int count)
            {
                for (var i = 0; i < count; i++)
                {
                    var ballot = new Ballot
                    {
                        Id = Guid.NewGuid(),
                        CampaignId = campaign.Id,
                        RaterGroupId = assignment.RaterGroupId,
                        AssignmentId = assignment.Id,
                        FormVersionId = versionId,
                        Channel = BallotChannel.Online,
                        SubmittedOn = today,
                        ReceiptHash = Hash(),
                    };
                    // Some raters answer only the grade item, some leave a remark too.
                    foreach (var subject in assignment.Subjects)
                    {
                        ballot.Answers.Add(new BallotAnswer { SubjectId = subject.Id, ItemId = items[0], Value = 1 + (i % 3) });
                        if (i % 2 == 0)
                        {
                            ballot.Answers.Add(new BallotAnswer { SubjectId = subject.Id, ItemId = items[1], Text = "很好" });
                        }
                    }
                    db.Ballots.Add(ballot);
                }
            }
            Ballots(a1, 7);
            Ballots(b1, 5);
            Ballots(b2, 5);

            void Tokens(RaterGroup group, int used, int voided, int unused)
            {
                var batch = new TokenBatch
                {
                    CampaignId = campaign.Id,
                    RaterGroupId = group.Id,
                    Count = used + voided + unused,
                    Generated = used + voided + unused,
                    State = TokenBatchState.Purged,
                    CreatedBy = "test",
                    CreatedUtc = DateTime.UtcNow,
                };
                db.TokenBatches.Add(batch);
                db.SaveChanges();
                var states = Enumerable.Repeat(TokenState.Used, used).Concat(Enumerable.Repeat(TokenState.Void, voided)).Concat(Enumerable.Repeat(TokenState.Unused, unused));
                db.Tokens.AddRange(states.Select(state => new Token
                {
                    CampaignId = campaign.Id,
                    RaterGroupId = group.Id,
                    BatchId = batch.Id,
                    State = state,
                    LongHash = Hash(),
                    ShortHash = Hash(),
                }));
            }
            Tokens(a, 7, 2, 3);
            Tokens(b, 5, 0, 1);
            await db.SaveChangesAsync();
            return new ProgressWorld(campaign.Id, tag, a.Id, b.Id, s1.Id, s2.Id, s3.Id);
        });
    }

    private static string Hash() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
}
