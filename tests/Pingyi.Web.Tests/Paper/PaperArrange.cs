using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Paper;

/// <summary>A meeting whose paper is typed: the campaign world (a matrix of three organisations and one member) and the meeting.</summary>
internal sealed record PaperWorld(BallotWorld World, int MeetingId, DateOnly HeldOn)
{
    public string EntryUrl => $"/Meetings/Entry/{MeetingId}";

    public string MismatchUrl => $"/Meetings/Mismatch/{MeetingId}";

    public string ApiUrl => $"/api/meetings/{MeetingId}/paper-ballots";

    public string StatusUrl => $"/api/meetings/{MeetingId}/paper-status";

    public string Field(int subjectId, ItemKind kind, int maxScore = 0) =>
        PhoneBallotArrange.Field(subjectId, subjectId == World.SingleSubjectId ? World.SingleForm : World.MatrixForm, kind, maxScore)[2..];
}

/// <summary>Everything the paper typing may store, counted, to prove a refusal stored nothing.</summary>
internal sealed record PaperCounts(int Ballots, int Answers, int Slips, int Entries, int UsedTokens);

internal static class PaperArrange
{
    /// <summary>No field typed, as for a void slip.</summary>
    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>An open campaign world and a meeting hosted by <paramref name="hostId"/> (unit A unless told) for its rater group.</summary>
    public static async Task<PaperWorld> AddPaperMeetingAsync(this AppFixture app, string name, int issued = 50, int returned = 48,
        bool doubleEntry = false, int? hostId = null, CampaignState state = CampaignState.Open)
    {
        var world = await app.AddBallotWorldAsync(name, state);
        var heldOn = app.Today().AddDays(-1);
        var meetingId = await app.WithDbAsync(async db =>
        {
            var meeting = new Meeting
            {
                CampaignId = world.CampaignId,
                HostOrganizationId = hostId ?? app.UnitAId,
                Kind = MeetingKind.AppraisalMeeting,
                Title = name + "评议会",
                HeldOn = heldOn,
                Place = "会议室",
                RaterGroupId = world.GroupId,
                Attendance = returned,
                FormsIssued = issued,
                FormsReturned = returned,
                DoubleEntry = doubleEntry,
                CreatedBy = "test",
                CreatedUtc = DateTime.UtcNow,
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        return new PaperWorld(world, meetingId, heldOn);
    }

    /// <summary>What a clerk types for a fully answered slip: every field of every subject, keyed "subjectId_itemKey".</summary>
    public static Dictionary<string, string> Digits(PaperWorld paper, string text = "建议增加夜间门诊")
    {
        var w = paper.World;
        var digits = new Dictionary<string, string>();
        void Answer(int subjectId, FormVersion form)
        {
            foreach (var item in form.Items)
            {
                digits[$"{subjectId}_{item.Key}"] = item.Kind switch
                {
                    ItemKind.Grade => item.Scale == GradeScale.Satisfaction5 ? "2" : "1",
                    ItemKind.Score => item.MaxScore == 100 ? "88" : "4",
                    ItemKind.SingleChoice => "2",
                    ItemKind.MultipleChoice => "13",
                    _ => text + subjectId,
                };
            }
        }
        foreach (var s in w.MatrixSubjectIds)
        {
            Answer(s, w.MatrixForm);
        }
        Answer(w.SingleSubjectId, w.SingleForm);
        return digits;
    }

    public static Dictionary<string, string> With(this Dictionary<string, string> digits, string key, string value) =>
        new(digits) { [key] = value };

    /// <summary>The entry page's form: serial, the void flag and reason, and d_{key} per typed field.</summary>
    public static List<KeyValuePair<string, string>> PageFields(string serial, IReadOnlyDictionary<string, string> digits, bool isVoid = false, string? reason = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Serial", serial), new("VoidReason", reason ?? "") };
        if (isVoid)
        {
            fields.Add(new("IsVoid", "true"));
        }
        fields.AddRange(digits.Select(d => new KeyValuePair<string, string>("d_" + d.Key, d.Value)));
        return fields;
    }

    public static Task<HttpResponseMessage> TypeOnPageAsync(this TestClient client, PaperWorld paper, string serial,
        IReadOnlyDictionary<string, string> digits, bool isVoid = false, string? reason = null) =>
        client.PostFormAsync(paper.EntryUrl, PageFields(serial, digits, isVoid, reason), tokenPage: paper.EntryUrl);

    public static Task<HttpResponseMessage> TypeViaApiAsync(this TestClient client, PaperWorld paper, object? serial,
        IReadOnlyDictionary<string, string>? digits, bool isVoid = false, string? reason = null) =>
        client.Http.PostAsJsonAsync(paper.ApiUrl, new { serial, @void = isVoid, voidReason = reason, answers = digits });

    public static async Task TypeOkAsync(this TestClient client, PaperWorld paper, int serial, IReadOnlyDictionary<string, string> digits,
        bool isVoid = false, string? reason = null)
    {
        var response = await client.TypeViaApiAsync(paper, serial, digits, isVoid, reason);
        await response.BodyAsync(HttpStatusCode.OK);
    }

    public static async Task<string> TitleAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.BodyAsync(expected);
        return JsonDocument.Parse(body).RootElement.GetProperty("title").GetString() ?? "";
    }

    public static Task<PaperCounts> PaperCountsAsync(this AppFixture app) =>
        app.WithDbAsync(async db => new PaperCounts(
            await db.Ballots.CountAsync(), await db.BallotAnswers.CountAsync(), await db.PaperSlips.CountAsync(),
            await db.PaperEntries.CountAsync(), await db.Tokens.CountAsync(t => t.State == TokenState.Used)));

    public static Task<MeetingTally> TallyAsync(this AppFixture app, PaperWorld paper) =>
        app.WithDbAsync(async db =>
        {
            var m = await db.Meetings.SingleAsync(x => x.Id == paper.MeetingId);
            var valid = await db.PaperSlips.CountAsync(s => s.MeetingId == m.Id && s.State == PaperSlipState.Counted);
            var isVoid = await db.PaperSlips.CountAsync(s => s.MeetingId == m.Id && s.State == PaperSlipState.Void);
            var awaiting = await db.PaperEntries.Where(e => e.MeetingId == m.Id).Select(e => e.Serial).Distinct().CountAsync();
            return new MeetingTally(m.FormsIssued, m.FormsReturned, valid, isVoid, awaiting);
        });

    /// <summary>A second clerk of unit A, for double entry.</summary>
    public static async Task<TestClient> SecondClerkAsync(this AppFixture app)
    {
        var name = "clerk" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateAccountAsync(name, Roles.OrgAdmin, app.UnitAId);
        return await app.SignInAsync(name);
    }
}
