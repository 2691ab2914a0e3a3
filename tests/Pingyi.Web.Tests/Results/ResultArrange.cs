using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>The item ids of the results form: 3-level grade, 5-level grade, score 0–10, single choice, text.</summary>
internal sealed record ResultForm(int FormId, int VersionId, int Grade3, int Grade5, int Score, int Single, int Text);

/// <summary>A campaign arranged for result tests; groups, subjects (by organisation) and assignments in request order.</summary>
internal sealed record ResultCampaign(int Id, int[] GroupIds, Dictionary<int, int> SubjectOf, int[] AssignmentIds, ResultForm Form)
{
    public int NextBallot { get; set; }
}

/// <summary>One rater's answers, given alike for every subject of the assignment.</summary>
internal sealed record Vote(int? G3, int? G5 = null, int? Score = null, int? Single = null, string? Text = null,
    BallotChannel Channel = BallotChannel.Online);

internal static class ResultArrange
{
    public static Task<ResultForm> AddResultFormAsync(this AppFixture app, int ownerId, string gradeText = "总体评价") =>
        app.WithDbAsync(async db =>
        {
            var form = new Form
            {
                OrganizationId = ownerId,
                CreatedUtc = DateTime.UtcNow,
                Versions =
                [
                    new FormVersion
                    {
                        Number = 1, Title = "满意度测评表", CreatedUtc = DateTime.UtcNow,
                        Sections =
                        [
                            new FormSection
                            {
                                Position = 1,
                                Items =
                                [
                                    new FormItem { Position = 1, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = gradeText, Scale = GradeScale.Satisfaction3 },
                                    new FormItem { Position = 2, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = "服务质量", Scale = GradeScale.Satisfaction5, Required = false },
                                    new FormItem { Position = 3, Key = FormRules.NewKey(), Kind = ItemKind.Score, Text = "服务态度评分", MaxScore = 10, Weight = 1, Required = false },
                                    new FormItem { Position = 4, Key = FormRules.NewKey(), Kind = ItemKind.SingleChoice, Text = "候诊时间", Options = ["短", "一般", "长"], Required = false },
                                    new FormItem { Position = 5, Key = FormRules.NewKey(), Kind = ItemKind.Text, Text = "意见建议", Required = false, MaxLength = 100 },
                                ],
                            },
                        ],
                    },
                ],
            };
            db.Forms.Add(form);
            await db.SaveChangesAsync();
            var items = form.Versions[0].Sections[0].Items.OrderBy(i => i.Position).Select(i => i.Id).ToArray();
            return new ResultForm(form.Id, form.Versions[0].Id, items[0], items[1], items[2], items[3], items[4]);
        });

    /// <summary>
    /// Creates through the API (as <paramref name="client"/>) a campaign run by <paramref name="runBy"/>;
    /// <paramref name="groups"/> are (kind, name, weight); each assignment is (group index, organisations).
    /// </summary>
    public static async Task<ResultCampaign> CreateResultCampaignAsync(this AppFixture app, TestClient client, int runBy, string name,
        (string Kind, string? Name, int Weight)[] groups, (int Group, int[] Organizations)[] assignments, int? minGroupSize = null, bool open = false)
    {
        var form = await app.AddResultFormAsync(runBy);
        var id = await client.CreateViaApiAsync(new
        {
            organizationId = runBy,
            name,
            year = app.Today().Year,
            startsOn = CampaignTestData.Iso(app.Today()),
            endsOn = CampaignTestData.Iso(app.Today().AddDays(30)),
            minGroupSize,
            subjects = new { organizationIds = assignments.SelectMany(a => a.Organizations).Distinct().ToArray(), memberIds = Array.Empty<int>() },
            groups = groups.Select(g => new { kind = g.Kind, name = g.Name, plannedCount = 1000, weight = g.Weight }).ToArray(),
            assignments = assignments.Select(a => new
            {
                groupIndex = a.Group,
                direction = "ServiceRecipients",
                formId = form.FormId,
                organizationIds = a.Organizations,
                memberIds = Array.Empty<int>(),
            }).ToArray(),
        });
        if (open)
        {
            await Ballots.BallotArrange.SetStateAsync(client, id, "Open");
        }
        return await app.WithDbAsync(async db => new ResultCampaign(
            id,
            await db.RaterGroups.Where(g => g.CampaignId == id).OrderBy(g => g.Position).ThenBy(g => g.Id).Select(g => g.Id).ToArrayAsync(),
            await db.CampaignSubjects.Where(s => s.CampaignId == id).ToDictionaryAsync(s => s.OrganizationId!.Value, s => s.Id),
            await db.Assignments.Where(a => a.CampaignId == id).OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync(),
            form));
    }

    /// <summary>Stores one ballot per vote in assignment <paramref name="assignment"/> directly, then recounts the aggregates.</summary>
    public static async Task<List<Guid>> InsertAsync(this AppFixture app, ResultCampaign c, int assignment, params Vote[] votes)
    {
        var ids = new List<Guid>();
        await app.WithDbAsync(async db =>
        {
            var row = await db.Assignments.AsNoTracking().Where(a => a.Id == c.AssignmentIds[assignment])
                .Select(a => new { a.RaterGroupId, Subjects = a.Subjects.Select(s => s.Id).ToList() }).SingleAsync();
            foreach (var vote in votes)
            {
                var id = BallotId(c.Id, c.NextBallot++);
                ids.Add(id);
                db.Ballots.Add(new Ballot
                {
                    Id = id,
                    CampaignId = c.Id,
                    RaterGroupId = row.RaterGroupId,
                    AssignmentId = c.AssignmentIds[assignment],
                    FormVersionId = c.Form.VersionId,
                    Channel = vote.Channel,
                    SubmittedOn = app.Today(),
                    ReceiptHash = Convert.ToHexString(SHA256.HashData(id.ToByteArray())),
                    Answers = [.. row.Subjects.SelectMany(s => Answers(c.Form, s, vote))],
                });
            }
            await db.SaveChangesAsync();
            await ResultAggregates.RecomputeAsync(db, c.Id);
        });
        return ids;
    }

    /// <summary>Deterministic ids whose order is the insertion order, so a test can tell whether an export keeps it.</summary>
    public static Guid BallotId(int campaignId, int n) =>
        new($"{campaignId:x8}-0000-4000-8000-{n:x12}");

    private static IEnumerable<BallotAnswer> Answers(ResultForm form, int subjectId, Vote vote)
    {
        (int Item, int? Value, string? Text)[] all =
        [
            (form.Grade3, vote.G3, null), (form.Grade5, vote.G5, null), (form.Score, vote.Score, null),
            (form.Single, vote.Single, null), (form.Text, null, vote.Text),
        ];
        return all.Where(a => a.Value is not null || a.Text is not null)
            .Select(a => new BallotAnswer { SubjectId = subjectId, ItemId = a.Item, Value = a.Value, Text = a.Text });
    }

    public static IEnumerable<Vote> Times(this Vote vote, int count) => Enumerable.Repeat(vote, count);

    /// <summary>A workbook's sheet as rows of cell values (header row included), as a spreadsheet would show it.</summary>
    public static List<object?[]> Rows(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. stream.Query(useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.ToArray())];
    }

    public static List<string> SheetNames(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.GetSheetNames();
    }
}
