using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Demo;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Demo;

public abstract class DemoTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_demo_has_a_bureau_its_units_branches_and_about_two_hundred_members()
    {
        var units = await app.WithDbAsync(db => db.Organizations.Where(o => o.Kind == OrganizationKind.Unit || o.Kind == OrganizationKind.Department)
            .Select(o => o.UnitType).ToListAsync());
        Assert.True(units.Count >= 8, $"{units.Count} units");
        Assert.Equal(2, units.Count(t => t == UnitType.Hospital));
        Assert.True(units.Count(t => t == UnitType.TownshipHospital) >= 2);
        Assert.Contains(UnitType.Cdc, units);
        Assert.Contains(UnitType.BureauOffice, units);
        Assert.True(await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Branch)) >= 8);
        Assert.True(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Kind == OrganizationKind.PartyCommittee && o.Name == "市卫生局党委")));
        var members = await app.WithDbAsync(db => db.Members.CountAsync());
        Assert.InRange(members, 180, 240);
    }

    [Fact]
    public async Task The_printed_demo_login_signs_in_and_the_tree_shows_the_bureau()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var login = await DemoData.EnsureAsync(scope.ServiceProvider);
        using var client = app.CreateClient();
        await client.SignInAsync(login.UserName, login.Password);
        var tree = await client.GetHtmlAsync("/Organizations");
        Assert.Contains("市卫生局", tree);
        Assert.Contains("市第一人民医院", tree);
        Assert.Contains("城关镇卫生院党支部", tree);
    }

    [Fact]
    public async Task Starting_the_demo_again_adds_nothing()
    {
        Task<string> CountsAsync() => app.WithDbAsync(async db => string.Join(",", await db.Organizations.CountAsync(), await db.Campaigns.CountAsync(),
            await db.Forms.CountAsync(), await db.Ballots.CountAsync(), await db.BallotAnswers.CountAsync(), await db.Tokens.CountAsync(),
            await db.Tokens.CountAsync(t => t.State == TokenState.Used), await db.TokenBatches.CountAsync(),
            await db.Opinions.CountAsync(), await db.Problems.CountAsync(), await db.Measures.CountAsync(), await db.CorrectionPlans.CountAsync(),
            await db.Publications.CountAsync(), await db.Objections.CountAsync()));
        var before = await CountsAsync();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await DemoData.EnsureAsync(scope.ServiceProvider);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_demo_has_last_years_published_campaign_this_years_open_one_a_draft_and_last_years_member_round()
    {
        var year = app.Clock.GetUtcNow().Year;
        var campaigns = await app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.Id)
            .Select(c => new { c.Name, c.Year, c.State, Forms = c.Assignments.Select(a => a.FormVersion!.FrozenUtc).ToList() }).ToListAsync());
        Assert.Collection(campaigns,
            c => Assert.Equal((year - 1, CampaignState.Published), (c.Year, c.State)),
            c => Assert.Equal((year, CampaignState.Open), (c.Year, c.State)),
            c => Assert.Equal((year, CampaignState.Draft), (c.Year, c.State)),
            c => Assert.Equal((year - 1, CampaignState.Closed), (c.Year, c.State)));
        Assert.All(campaigns.Take(2).Concat(campaigns.Skip(3)).SelectMany(c => c.Forms), f => Assert.NotNull(f));
        var templates = await app.WithDbAsync(db => db.Forms.Select(f => f.TemplateKey).ToListAsync());
        Assert.Equal(Pingyi.Domain.Forms.BuiltInTemplates.All.Select(t => t.Key).Order(), templates.Order());
    }

    [Fact]
    public async Task Every_demo_campaign_plan_is_complete()
    {
        var plans = await app.WithDbAsync(db => db.Campaigns
            .Include(c => c.Organization)
            .Include(c => c.Subjects).ThenInclude(s => s.Organization)
            .Include(c => c.Subjects).ThenInclude(s => s.Member).ThenInclude(m => m!.Organization)
            .Include(c => c.RaterGroups)
            .Include(c => c.Assignments).ThenInclude(a => a.Subjects)
            .Include(c => c.Assignments).ThenInclude(a => a.FormVersion).ThenInclude(v => v!.Sections).ThenInclude(s => s.Items)
            .AsSplitQuery().ToListAsync());
        Assert.Equal(4, plans.Count);
        Assert.All(plans, c => Assert.DoesNotContain(CampaignRules.CheckPlan(c), i => i.Blocking));
        Assert.True(plans[1].Subjects.Count >= 12);
        Assert.Equal(6, plans[0].RaterGroups.Count);
        Assert.Equal(7, plans[1].RaterGroups.Count);
        Assert.Single(plans[1].RaterGroups, g => g.Kind == RaterGroupKind.StandingChannel && g.Weight == 0);
    }

    [Fact]
    public async Task Thousands_of_online_ballots_fill_last_and_this_years_campaigns_and_none_the_draft()
    {
        var perCampaign = await app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.Id)
            .Select(c => new { c.State, Ballots = db.Ballots.Count(b => b.CampaignId == c.Id && b.Channel != BallotChannel.Standing) }).ToListAsync());
        Assert.Equal([CampaignState.Published, CampaignState.Open, CampaignState.Draft, CampaignState.Closed], perCampaign.Select(c => c.State));
        Assert.InRange(perCampaign[0].Ballots, 1000, 3000);
        Assert.InRange(perCampaign[1].Ballots, 800, perCampaign[0].Ballots - 1);
        Assert.Equal(0, perCampaign[2].Ballots);
        // Last year's member round: each of the branch's voters rated its twelve members on one ballot.
        Assert.InRange(perCampaign[3].Ballots, 7, 12);
        Assert.True(perCampaign[0].Ballots + perCampaign[1].Ballots >= 2000);
        var closedId = await app.WithDbAsync(db => db.Campaigns.Where(c => c.State == CampaignState.Published).Select(c => c.Id).FirstAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == closedId && b.Channel != BallotChannel.Online)));

        // Every group answered 60–95% of its 名额 (online and on paper together), each of its raters left one
        // ballot per assignment, and every online rater used one code.
        var groups = await app.WithDbAsync(db => db.RaterGroups
            .Where(g => g.Kind != RaterGroupKind.StandingChannel && db.Ballots.Any(b => b.RaterGroupId == g.Id))
            .Select(g => new
            {
                g.PlannedCount,
                Assignments = db.Assignments.Count(a => a.RaterGroupId == g.Id),
                Ballots = db.Ballots.Count(b => b.RaterGroupId == g.Id),
                Online = db.Ballots.Count(b => b.RaterGroupId == g.Id && b.Channel == BallotChannel.Online),
                Used = db.Tokens.Count(t => t.RaterGroupId == g.Id && t.State == TokenState.Used),
            }).ToListAsync());
        Assert.Equal(13, groups.Count);
        Assert.All(groups, g =>
        {
            Assert.Equal(0, g.Ballots % g.Assignments);
            var raters = g.Ballots / g.Assignments;
            Assert.InRange(raters, (int)Math.Floor(g.PlannedCount * 0.6), (int)Math.Ceiling(g.PlannedCount * 0.95));
            Assert.Equal(g.Online / g.Assignments, g.Used);
        });
    }

    [Fact]
    public async Task This_years_campaign_has_two_typed_meetings_an_interview_and_a_standing_qr_with_hundreds_of_ballots()
    {
        var meetings = await app.WithDbAsync(db => db.Meetings.OrderBy(m => m.HeldOn).Select(m => new
        {
            m.Kind,
            m.DoubleEntry,
            m.FormsIssued,
            m.FormsReturned,
            m.RaterGroupId,
            Valid = db.PaperSlips.Count(s => s.MeetingId == m.Id && s.State == PaperSlipState.Counted),
            Void = db.PaperSlips.Count(s => s.MeetingId == m.Id && s.State == PaperSlipState.Void),
            Assignments = db.Assignments.Count(a => a.RaterGroupId == m.RaterGroupId),
            Paper = db.Ballots.Count(b => b.RaterGroupId == m.RaterGroupId && b.Channel == BallotChannel.Paper),
        }).ToListAsync());
        Assert.Equal([MeetingKind.AppraisalMeeting, MeetingKind.Forum, MeetingKind.Interview], meetings.Select(m => m.Kind));
        Assert.Equal([false, true, false], meetings.Select(m => m.DoubleEntry));
        Assert.All(meetings.Take(2), m =>
        {
            Assert.Equal(m.FormsReturned, m.Valid + m.Void);
            Assert.True(m.Void > 0 && m.FormsReturned < m.FormsIssued);
            Assert.Equal(m.Valid * m.Assignments, m.Paper);
        });
        Assert.Equal((0, 0), (meetings[2].FormsIssued, meetings[2].Valid + meetings[2].Void));
        Assert.Equal(0, await app.WithDbAsync(db => db.PaperEntries.CountAsync()));

        var channel = await app.WithDbAsync(db => db.StandingChannels.SingleAsync());
        var standing = await app.WithDbAsync(db => db.Ballots.Where(b => b.Channel == BallotChannel.Standing)
            .GroupBy(b => b.RaterGroupId).Select(g => new { Group = g.Key, Count = g.Count() }).SingleAsync());
        Assert.Equal(channel.RaterGroupId, standing.Group);
        Assert.Equal(channel.BallotCount, standing.Count);
        Assert.InRange(standing.Count, 200, 600);
        Assert.Equal(DemoMeetings.HallName, channel.Name);
    }

    [Fact]
    public async Task Every_demo_answer_belongs_to_its_ballots_assignment_and_form_version()
    {
        var counts = await app.WithDbAsync(async db => new
        {
            Answers = await db.BallotAnswers.CountAsync(),
            WrongSubject = await db.BallotAnswers.CountAsync(a => !db.Ballots.Any(b => b.Id == a.BallotId
                && db.Assignments.Any(x => x.Id == b.AssignmentId && x.Subjects.Any(s => s.Id == a.SubjectId)))),
            WrongItem = await db.BallotAnswers.CountAsync(a => !db.Ballots.Any(b => b.Id == a.BallotId
                && db.FormSections.Any(s => s.FormVersionId == b.FormVersionId && s.Items.Any(i => i.Id == a.ItemId)))),
            WrongVersion = await db.Ballots.CountAsync(b => !db.Assignments.Any(a => a.Id == b.AssignmentId && a.FormVersionId == b.FormVersionId
                && a.RaterGroupId == b.RaterGroupId && a.CampaignId == b.CampaignId)),
            Empty = await db.Ballots.CountAsync(b => !b.Answers.Any()),
        });
        Assert.True(counts.Answers > 50_000, $"{counts.Answers} answers");
        Assert.Equal((0, 0, 0, 0), (counts.WrongSubject, counts.WrongItem, counts.WrongVersion, counts.Empty));
    }

    [Fact]
    public async Task Demo_answers_look_real_remarks_on_about_one_ballot_in_ten_and_units_differ()
    {
        var (ballots, withRemark, remarks) = await app.WithDbAsync(async db => (await db.Ballots.CountAsync(),
            await db.Ballots.CountAsync(b => b.Answers.Any(a => a.Text != null)),
            await db.BallotAnswers.Where(a => a.Text != null).Select(a => a.Text!).Distinct().CountAsync()));
        Assert.InRange(withRemark, ballots * 5 / 100, ballots * 15 / 100);
        Assert.True(remarks >= 30, $"{remarks} different remarks");

        // On the hospital form's overall item (5 levels, 4 and 5 are 不满意): the strong hospital beats the weak township one, and this year beats last year.
        var overall = await app.WithDbAsync(db => (
                from a in db.BallotAnswers
                join i in db.FormItems on a.ItemId equals i.Id
                join b in db.Ballots on a.BallotId equals b.Id
                join c in db.Campaigns on b.CampaignId equals c.Id
                join s in db.CampaignSubjects on a.SubjectId equals s.Id
                join o in db.Organizations on s.OrganizationId equals o.Id
                where i.Key == "ztmyd" && i.Scale == Pingyi.Domain.Forms.GradeScale.Satisfaction5
                group a.Value by new { Unit = o.Code, c.State } into g
                select new { g.Key.Unit, g.Key.State, All = g.Count(), Unhappy = g.Count(v => v >= 4) })
            .ToListAsync());
        double Unhappy(string unit, CampaignState? state = null)
        {
            var rows = overall.Where(r => r.Unit == unit && (state is null || r.State == state)).ToList();
            return (double)rows.Sum(r => r.Unhappy) / rows.Sum(r => r.All);
        }
        Assert.True(Unhappy("HKWSY") > 2 * Unhappy("RMYY"), $"河口乡卫生院 {Unhappy("HKWSY"):P1}, 市第一人民医院 {Unhappy("RMYY"):P1}");
        var all = overall.Select(r => r.Unit).Distinct().ToList();
        Assert.True(all.Average(u => Unhappy(u, CampaignState.Published)) > all.Average(u => Unhappy(u, CampaignState.Open)));
        Assert.True(all.All(u => Unhappy(u) < 0.25), "mostly satisfied everywhere");
    }

    [Fact]
    public async Task Demo_codes_are_purged_batches_and_ballots_hold_nothing_that_points_to_them()
    {
        var batches = await app.WithDbAsync(db => db.TokenBatches.Select(b => new { b.State, b.ProtectedCodes, b.Count, Tokens = db.Tokens.Count(t => t.BatchId == b.Id) }).ToListAsync());
        Assert.Equal(13, batches.Count);
        Assert.All(batches, b => Assert.Equal((TokenBatchState.Purged, (byte[]?)null, b.Count), (b.State, b.ProtectedCodes, b.Tokens)));
        var hashes = await app.WithDbAsync(db => db.Tokens.Select(t => t.LongHash).Take(50).ToListAsync());
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.All(await app.WithDbAsync(db => db.Ballots.Select(b => b.ReceiptHash).Take(50).ToListAsync()), h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.Empty(await app.WithDbAsync(db => db.Tokens.Where(t => db.Ballots.Any(b => b.ReceiptHash == t.LongHash || b.ReceiptHash == t.ShortHash)).ToListAsync()));
    }

    [Fact]
    public async Task The_demo_progress_page_shows_last_years_counts()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var login = await DemoData.EnsureAsync(scope.ServiceProvider);
        using var client = app.CreateClient();
        await client.SignInAsync(login.UserName, login.Password);
        var id = await app.WithDbAsync(db => db.Campaigns.Where(c => c.State == CampaignState.Published).Select(c => c.Id).FirstAsync());
        var patients = await app.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == id && db.RaterGroups.Any(g => g.Id == b.RaterGroupId && g.Kind == RaterGroupKind.ServiceRecipient)));
        var html = await client.GetHtmlAsync($"/Progress/Index/{id}");
        Assert.Contains($"<td class=\"num\">1200</td>", html);
        Assert.Contains($"<td class=\"num\">{patients}</td>", html);
        Assert.Contains("市第一人民医院", html);
    }

    [Fact]
    public async Task The_demo_holds_graded_members_confirmed_flags_an_excluded_burst_and_aggregates_that_agree_with_a_recount()
    {
        var memberRound = await app.WithDbAsync(db => db.Campaigns.Where(c => c.State == CampaignState.Closed && c.Subjects.Any(s => s.MemberId != null))
            .Select(c => c.Id).SingleAsync());
        var grades = await app.WithDbAsync(db => db.MemberGradeDecisions.Where(d => d.CampaignId == memberRound).ToListAsync());
        Assert.Equal(12, grades.Count);
        Assert.InRange(grades.Count(g => g.FinalGrade == Pingyi.Domain.Results.MemberGrade.Excellent), 1, 4);
        Assert.All(grades.Where(g => g.ProposedGrade != g.FinalGrade || g.FinalGrade == Pingyi.Domain.Results.MemberGrade.Unqualified),
            g => Assert.False(string.IsNullOrWhiteSpace(g.Reason)));

        var flags = await app.WithDbAsync(db => db.OrganizationFlags.ToListAsync());
        Assert.Contains(flags, f => f.Kind == Pingyi.Domain.Results.OrganizationFlagKind.Weak && f.Evidence.Length > 0 && f.Reason != null);
        Assert.Contains(flags, f => f.Kind == Pingyi.Domain.Results.OrganizationFlagKind.Model);

        var exclusion = await app.WithDbAsync(db => db.BallotExclusions.SingleAsync());
        Assert.Equal(DemoResults.ExclusionReason, exclusion.Reason);
        Assert.Equal(6, await app.WithDbAsync(db => db.Ballots.CountAsync(b => b.ExclusionId == exclusion.Id && b.Flags == Pingyi.Domain.Results.BallotFlags.Burst)));

        // Every campaign's running counts equal a recount from its ballots.
        foreach (var id in await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).ToListAsync()))
        {
            var before = await app.WithDbAsync(db => db.ResultAnswerCounts.Where(r => r.CampaignId == id && r.Count != 0)
                .OrderBy(r => r.AssignmentId).ThenBy(r => r.SubjectId).ThenBy(r => r.ItemId).ThenBy(r => r.Value).Select(r => r.Count).ToListAsync());
            var counted = await app.WithDbAsync(db => db.ResultBallotCounts.Where(r => r.CampaignId == id).SumAsync(r => r.Ballots));
            Assert.Equal(await app.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == id && b.ExclusionId == null)), counted);
            await app.WithDbAsync(db => Pingyi.Web.Features.Results.ResultAggregates.RecomputeAsync(db, id));
            Assert.Equal(before, await app.WithDbAsync(db => db.ResultAnswerCounts.Where(r => r.CampaignId == id && r.Count != 0)
                .OrderBy(r => r.AssignmentId).ThenBy(r => r.SubjectId).ThenBy(r => r.ItemId).ThenBy(r => r.Value).Select(r => r.Count).ToListAsync()));
        }
    }

    [Fact]
    public async Task The_demo_loop_has_opinions_from_every_source_and_every_remark_carried_over()
    {
        var sources = await app.WithDbAsync(db => db.Opinions.Select(o => o.Source).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<OpinionSource>().Order(), sources.Order());
        var (remarks, fromBallots) = await app.WithDbAsync(async db => (
            await db.BallotAnswers.CountAsync(a => a.Text != null && a.Text != ""),
            await db.Opinions.CountAsync(o => o.Source == OpinionSource.Ballot)));
        Assert.Equal(remarks, fromBallots);
        Assert.True(await app.WithDbAsync(db => db.Opinions.AnyAsync(o => o.MergedIntoId != null)), "some duplicates are merged");
        Assert.True(await app.WithDbAsync(db => db.Opinions.AnyAsync(o => o.ProblemId == null && o.Reply != null)), "praise is answered directly");
    }

    [Fact]
    public async Task The_demo_loop_has_problems_in_every_state_verifications_replies_and_re_ratings()
    {
        var today = DateOnly.FromDateTime(app.Clock.GetLocalNow().DateTime);
        var measures = await app.WithDbAsync(db => db.Measures.Include(m => m.Verifications).AsNoTracking().ToListAsync());
        Assert.Equal(Enum.GetValues<MeasureState>().Order(), measures.Select(m => m.State).Distinct().Order());
        Assert.Contains(measures, m => MeasureStates.IsOverdue(m.State, m.Deadline, today));
        Assert.Contains(measures, m => m.State == MeasureState.Verified && !MeasureStates.ClosedOnTime(m.Deadline, m.VerifiedOn!.Value));
        Assert.Contains(measures, m => m.SentBackCount > 0 && m.Verifications.Any(v => !v.InPlace || !v.Reasonable || !v.Effective));
        Assert.All(measures.Where(m => m.State == MeasureState.Verified), m => Assert.Contains(m.Verifications, v => v.InPlace && v.Reasonable && v.Effective));
        Assert.True(await app.WithDbAsync(db => db.Problems.CountAsync(p => p.Reply != null)) >= 3);
        Assert.True(await app.WithDbAsync(db => db.Opinions.CountAsync(o => o.ReRating != null)) >= 3);
        Assert.True(await app.WithDbAsync(db => db.MeasureNotes.AnyAsync(n => n.Kind == MeasureNoteKind.Urged)));
        Assert.True(await app.WithDbAsync(db => db.CorrectionPlans.AnyAsync(c => c.FlagId != null)));
        Assert.True(await app.WithDbAsync(db => db.ModelRecords.AnyAsync(m => m.FlagId != null)));
        Assert.True(await app.WithDbAsync(db => db.CalendarDays.CountAsync()) >= 9);
    }

    [Fact]
    public async Task Last_years_round_is_on_public_notice_reachable_from_the_home_page_with_an_answered_and_a_pending_objection()
    {
        var publication = await app.WithDbAsync(db => db.Publications.AsNoTracking().SingleAsync());
        Assert.Equal(PublicationState.Notice, publication.State);
        var today = DateOnly.FromDateTime(app.Clock.GetLocalNow().DateTime);
        Assert.True(publication.StartsOn < today && publication.EndsOn >= today, $"{publication.StartsOn}–{publication.EndsOn}");
        var name = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == publication.CampaignId).Select(c => c.Name).SingleAsync());

        using var visitor = app.CreateClient();
        Assert.Contains("href=\"/Gongshi\"", await visitor.GetHtmlAsync("/"));
        Assert.Contains($"href=\"/Gongshi/{publication.Id}\"", await visitor.GetHtmlAsync("/Gongshi"));
        var notice = await visitor.GetHtmlAsync($"/Gongshi/{publication.Id}");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(name), notice);
        Assert.Contains("青山镇卫生院", notice);

        var objections = await app.WithDbAsync(db => db.Objections.AsNoTracking().Where(o => o.PublicationId == publication.Id).ToListAsync());
        Assert.Contains(objections, o => o.State == ObjectionState.Pending);
        var hash = await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(DemoPublication.SampleReceipt);
        var answered = Assert.Single(objections, o => o.ReceiptHash == hash);
        Assert.Equal(ObjectionState.Dismissed, answered.State);
        Assert.False(string.IsNullOrEmpty(answered.Answer));
    }

    [Fact]
    public async Task The_readme_sample_receipt_reaches_a_replied_problem()
    {
        var hash = await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(DemoLoop.SampleReceipt);
        var opinion = await app.WithDbAsync(db => db.Opinions.AsNoTracking().SingleAsync(o => o.ReceiptHash == hash));
        Assert.NotNull(opinion.ProblemId);
        Assert.NotNull(await app.WithDbAsync(db => db.Problems.Where(p => p.Id == opinion.ProblemId).Select(p => p.Reply).SingleAsync()));
    }
}

public sealed class SqliteDemoTests(SqliteDemoAppFixture app) : DemoTests<SqliteDemoAppFixture>(app);

public sealed class PostgresDemoTests(PostgresDemoAppFixture app) : DemoTests<PostgresDemoAppFixture>(app);
