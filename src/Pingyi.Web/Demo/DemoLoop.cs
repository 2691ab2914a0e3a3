using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;

namespace Pingyi.Web.Demo;

/// <summary>
/// The closed loop as a bureau would have it a year in: the ballots' remarks carried over as
/// opinions, opinions typed in from meetings, interviews, visits, letters and the hotline, and three
/// from the public box; duplicates merged; last year's problems rectified, verified (one after a
/// send-back, one late), replied to and re-rated; this year's problems in every state, one overdue
/// and urged, one due within days; last year's weak unit's correction plan closed and its model
/// recorded; the year's holidays on the calendar. Runs once, after the results.
/// </summary>
public static class DemoLoop
{
    /// <summary>The receipt given with last year's letter on queues at the outpatient hall, printed in the README so the 回执查询 page can be tried.</summary>
    public const string SampleReceipt = "PYDEMXHZ2345";

    private const string Clerk = DemoData.AdminUserName;

    public static async Task EnsureAsync(AppDbContext db, byte[] tokenKey, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (await db.Problems.AnyAsync(cancellationToken) || await db.Opinions.AnyAsync(o => o.Source != OpinionSource.Ballot, cancellationToken))
        {
            return;
        }
        var today = DateOnly.FromDateTime(nowUtc);
        var random = new Random(2027);
        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Code, cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.RaterGroups.Any(g => g.Kind == RaterGroupKind.ServiceRecipient))
            .OrderBy(c => c.Year).ToListAsync(cancellationToken);
        if (campaigns.Count < 2 || !orgs.ContainsKey("RMYY"))
        {
            return;
        }
        var (lastYear, thisYear) = (campaigns[0], campaigns[^1]);
        var categories = await db.OpinionCategories.ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        AddCalendar(db, today.Year);
        await db.SaveChangesAsync(cancellationToken);
        var calendar = new WorkCalendar(
            db.CalendarDays.Local.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
            db.CalendarDays.Local.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date));

        await CarryOverRemarksAsync(db, random, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().ToListAsync(cancellationToken);
        var typed = TypedOpinions(orgs, lastYear, thisYear, meetings, categories, today, tokenKey);
        db.Opinions.AddRange(typed);
        await db.SaveChangesAsync(cancellationToken);

        var opinions = await db.Opinions.ToListAsync(cancellationToken);
        Categorise(opinions, categories);
        var loop = new Builder(db, calendar, opinions, categories);

        // Last year: every problem rectified, verified and answered.
        var lastStart = lastYear.EndsOn.AddDays(5);
        var queue = loop.Problem(lastYear, orgs["RMYY"], "门诊挂号排队时间长", "医疗质量", o => o.Text.Contains("挂号排队"),
            "门诊高峰时段挂号、缴费排队时间长，患者多次反映。");
        loop.Measure(queue, "门诊大厅增设自助挂号缴费机6台，安排志愿者引导老年患者使用。", orgs["RMYY"], "门诊部 主任", lastStart, 15,
            verifiedAfter: 12);
        loop.Measure(queue, "推行分时段预约挂号，预约时段精确到30分钟。", orgs["RMYY"], "信息科 科长", lastStart, 10, verifiedAfter: 20);
        loop.Reply(queue, "已增设自助机6台并推行分时段预约，门诊高峰排队时间由平均40分钟缩短至15分钟左右。", lastStart.AddDays(40));

        var medicine = loop.Problem(lastYear, orgs["CGWSY"], "卫生院常用药品种不全", "医疗质量", o => o.Text.Contains("常用药"),
            "部分慢性病常用药卫生院没有，群众需到城区医院购买。");
        var stock = loop.Measure(medicine, "对照基本药物目录补齐慢性病常用药，建立短缺药品登记和调配制度。", orgs["CGWSY"], "药房 负责人",
            lastStart, 15, verifiedAfter: 25, sentBackAfter: 14, sentBackRemark: "只补了部分品种，短缺药品登记制度尚未建立。");
        loop.Note(stock, MeasureNoteKind.Progress, "已与医药公司签订配送协议，首批补齐23个品种。", lastStart.AddDays(8));
        loop.Reply(medicine, "已补齐高血压、糖尿病等慢性病常用药31种，建立短缺药品登记调配制度，登记后3个工作日内调配到位。", lastStart.AddDays(45));

        var approvals = loop.Problem(lastYear, orgs["SWJ"], "部分审批事项需要多次往返", "工作作风", o => o.Text.Contains("跑多次"),
            "基层单位反映个别审批事项材料要求不一次告知，需要多次往返。");
        loop.Measure(approvals, "编制审批事项一次性告知清单并在局网站公开，实行首问负责。", orgs["SWJ-BGS"], "办公室 主任", lastStart, 15,
            verifiedAfter: 14);
        loop.Reply(approvals, "已公开全部审批事项的一次性告知清单，实行首问负责制，今年以来未再收到同类反映。", lastStart.AddDays(30));

        // This year: the loop at work, every state present.
        var parking = loop.Problem(thisYear, orgs["RMYY"], "医院周边停车难", "就医环境", o => o.Text.Contains("停车"),
            "就诊高峰时段医院周边车位紧张，患者停车困难。");
        var lots = loop.Measure(parking, "与周边单位协调错时共享停车位，院内增设临时停车区并安排专人引导。", orgs["RMYY"], "总务科 科长",
            DueSoon(calendar, today), 15);
        loop.Start(lots, today.AddDays(-12));
        loop.Note(lots, MeasureNoteKind.Progress, "已与邻近两家单位签订错时共享协议，新增车位120个。", today.AddDays(-5));

        var discharge = loop.Problem(thisYear, orgs["ZYY"], "出院结算手续繁琐", "制度机制", o => o.Text.Contains("结算"),
            "出院结算需要跑多个窗口。");
        var bedside = loop.Measure(discharge, "推行床旁结算，出院手续在病区一站办结。", orgs["ZYY"], "财务科 科长", today.AddDays(-20), 15);
        loop.Start(bedside, today.AddDays(-18));
        loop.Submit(bedside, "各病区已开通床旁结算，十一月出院患者床旁结算占比达到82%。", today.AddDays(-2));

        var results = loop.Problem(thisYear, orgs["QSWSY"], "检查结果出得慢", "医疗质量", o => o.Text.Contains("检查结果"),
            "检验检查结果出具时间长，群众需要多次往返。");
        var online = loop.Measure(results, "开通检验结果手机查询，常规检验当日出具。", orgs["QSWSY"], "检验科 负责人", today.AddDays(-40), 15);
        loop.Start(online, today.AddDays(-35));
        loop.Note(online, MeasureNoteKind.Urged, "该措施已逾期，请于本周内报送整改进展。", today.AddDays(-3), by: orgs["SWJ"].Name);

        var cleaning = loop.Problem(thisYear, orgs["HKWSY"], "卫生间保洁不到位", "就医环境", o => o.Text.Contains("厕所"),
            "门诊卫生间保洁不及时，有异味。");
        loop.Measure(cleaning, "实行卫生间每小时保洁巡查并公示保洁记录。", orgs["HKWSY"], "后勤 负责人", today.AddDays(-25), 15,
            sentBackAfter: 12, sentBackRemark: "现场检查仍有异味，巡查记录不完整。");

        var hotline = loop.Problem(thisYear, orgs["FYBJY"], "孕检预约电话难打通", "服务态度", o => o.Source == OpinionSource.Hotline,
            "热线反映孕检预约电话长时间无人接听。");
        loop.Measure(hotline, "增设预约专线并开通网上预约，高峰时段增加接线人员。", orgs["FYBJY"], "门诊部 主任", today.AddDays(-2), 15);

        ReplyToPraise(opinions, today);
        ReRate(opinions, db.Problems.Local.Where(p => p.RepliedOn is not null).ToDictionary(p => p.Id, p => p.RepliedOn!.Value), random, today);
        await db.SaveChangesAsync(cancellationToken);
        await AddWeakAndModelAsync(db, calendar, lastYear, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static void AddCalendar(AppDbContext db, int year)
    {
        // The demo enters only days that are holidays every year; an administrator enters the State Council's notice for the rest.
        foreach (var (day, note) in new[] { (new DateOnly(year, 1, 1), "元旦"), (new DateOnly(year, 5, 1), "劳动节") }
                     .Concat(Enumerable.Range(1, 7).Select(d => (new DateOnly(year, 10, d), "国庆节"))))
        {
            db.CalendarDays.Add(new CalendarDay { Date = day, Kind = CalendarDayKind.Holiday, Note = note });
        }
    }

    /// <summary>A start day whose 15-working-day deadline falls within the next five working days.</summary>
    private static DateOnly DueSoon(WorkCalendar calendar, DateOnly today)
    {
        var start = today;
        while (calendar.AddWorkingDays(start, 15) > calendar.AddWorkingDays(today, 3))
        {
            start = start.AddDays(-1);
        }
        return start;
    }

    /// <summary>The demo's ballots were written in bulk, past the writer: their remarks are carried over here, in random order.</summary>
    private static async Task CarryOverRemarksAsync(AppDbContext db, Random random, CancellationToken cancellationToken)
    {
        var remarks = await (
            from a in db.BallotAnswers
            where a.Text != null && a.Text != ""
            join b in db.Ballots on a.BallotId equals b.Id
            join s in db.CampaignSubjects on a.SubjectId equals s.Id
            from m in db.Members.Where(m => m.Id == s.MemberId).DefaultIfEmpty()
            select new
            {
                b.CampaignId,
                OrganizationId = s.OrganizationId ?? (int?)m!.OrganizationId,
                a.Text,
                b.SubmittedOn,
                b.ReceiptHash,
            }).ToListAsync(cancellationToken);
        var known = await db.Opinions.Select(o => o.ReceiptHash + "|" + o.Text).ToListAsync(cancellationToken);
        var seen = known.ToHashSet(StringComparer.Ordinal);
        var rows = remarks.Where(r => !seen.Contains(r.ReceiptHash + "|" + r.Text)).ToArray();
        random.Shuffle(rows);
        db.Opinions.AddRange(rows.Select(r => new Opinion
        {
            Id = Guid.NewGuid(),
            Source = OpinionSource.Ballot,
            CampaignId = r.CampaignId,
            OrganizationId = r.OrganizationId!.Value,
            Text = r.Text!,
            ReceivedOn = r.SubmittedOn,
            ReceiptHash = r.ReceiptHash,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<Opinion> TypedOpinions(Dictionary<string, Organization> orgs, Campaign lastYear, Campaign thisYear,
        List<Meeting> meetings, Dictionary<string, int> categories, DateOnly today, byte[] tokenKey)
    {
        Opinion Typed(Campaign? campaign, string org, OpinionSource source, string category, string text, DateOnly on, string? note = null, int? meetingId = null) => new()
        {
            Id = Guid.NewGuid(),
            Source = source,
            CampaignId = campaign?.Id,
            OrganizationId = orgs[org].Id,
            CategoryId = categories[category],
            Text = text,
            ReceivedOn = on,
            SourceNote = note,
            MeetingId = meetingId,
            RecordedBy = source == OpinionSource.PublicBox ? null : Clerk,
        };
        int? MeetingOf(Campaign c, MeetingKind kind) => meetings.FirstOrDefault(m => m.CampaignId == c.Id && m.Kind == kind)?.Id
            ?? meetings.FirstOrDefault(m => m.CampaignId == c.Id)?.Id;
        var lastOn = lastYear.EndsOn.AddDays(-10);
        var list = new List<Opinion>
        {
            Typed(lastYear, "SWJ", OpinionSource.Meeting, "工作作风", "个别审批事项材料要求不一次说清，基层跑多次。", lastOn, "全系统评议座谈会", MeetingOf(lastYear, MeetingKind.Forum)),
            Typed(lastYear, "CGWSY", OpinionSource.Visit, "医疗质量", "村里老人反映卫生院常用药不全，降压药经常断货。", lastOn, "入户走访"),
            Typed(lastYear, "RMYY", OpinionSource.Letter, "服务态度", "来信反映门诊挂号排队时间太长，老年人不会用手机预约。", lastOn.AddDays(2), "群众来信 第2025-017号"),
            Typed(lastYear, "RMYY", OpinionSource.Interview, "医德医风", "个别科室存在开大处方的现象，希望加强监督。", lastOn, "人大代表个别访谈"),
            Typed(thisYear, "RMYY", OpinionSource.Meeting, "就医环境", "医院周边停车位紧张，就诊高峰找不到地方停车。", today.AddDays(-10), "服务对象座谈会", MeetingOf(thisYear, MeetingKind.Forum)),
            Typed(thisYear, "ZYY", OpinionSource.Interview, "制度机制", "出院结算要在几个窗口之间来回跑。", today.AddDays(-9), "离退休干部个别访谈"),
            Typed(thisYear, "QSWSY", OpinionSource.Visit, "医疗质量", "检查结果要等两三天才能拿到，希望手机上能查。", today.AddDays(-8), "村卫生室走访"),
            Typed(thisYear, "FYBJY", OpinionSource.Hotline, "服务态度", "孕检预约电话总是打不通，打了十几次没人接。", today.AddDays(-6), "12345热线工单"),
            Typed(thisYear, "JKZX", OpinionSource.Letter, "制度机制", "建议疫苗接种门诊延长周末服务时间。", today.AddDays(-5), "群众来信"),
            Typed(thisYear, "WSJDS", OpinionSource.Hotline, "工作作风", "举报个别诊所无证行医，希望加强检查。", today.AddDays(-4), "12345热线工单"),
            Typed(null, "HKWSY", OpinionSource.PublicBox, "就医环境", "卫生院门诊的厕所不够干净，有异味。", today.AddDays(-7)),
            Typed(null, "RMYY", OpinionSource.PublicBox, "服务态度", "急诊科护士很耐心，给你们点赞！", today.AddDays(-3)),
            Typed(thisYear, "RMYY", OpinionSource.PublicBox, "就医环境", "停车太难了，经常要在路边等半小时。", today.AddDays(-11)),
        };
        foreach (var o in list.Where(o => o.Source is OpinionSource.PublicBox or OpinionSource.Letter))
        {
            o.ReceiptHash = TokenCodes.Hash(tokenKey, o == list[2] ? SampleReceipt : TokenCodes.NewReceipt());
        }
        return list;
    }

    /// <summary>Staff sort the ballots' remarks into categories by what they speak of; the rest stay 未分类 to show the work left.</summary>
    private static void Categorise(List<Opinion> opinions, Dictionary<string, int> categories)
    {
        var rules = new (string Word, string Category)[]
        {
            ("挂号", "医疗质量"), ("停车", "就医环境"), ("厕所", "就医环境"), ("收费", "医疗费用"), ("费用", "医疗费用"),
            ("态度", "服务态度"), ("耐心", "服务态度"), ("审批", "工作作风"), ("绩效", "制度机制"),
        };
        foreach (var o in opinions.Where(o => o.CategoryId is null && o.Source == OpinionSource.Ballot))
        {
            if (rules.FirstOrDefault(r => o.Text.Contains(r.Word, StringComparison.Ordinal)) is { Word: not null } hit)
            {
                o.CategoryId = categories[hit.Category];
            }
        }
    }

    private static void ReplyToPraise(List<Opinion> opinions, DateOnly today)
    {
        foreach (var o in opinions.Where(o => o.ProblemId is null && o.MergedIntoId is null
                     && (o.Text.Contains("点赞", StringComparison.Ordinal) || o.Text.Contains("谢谢", StringComparison.Ordinal))).Take(6))
        {
            o.Reply = "感谢您的肯定和鼓励，我们会继续改进服务，为群众提供更好的医疗卫生服务。";
            o.RepliedOn = o.ReceivedOn > today.AddDays(-3) ? today : o.ReceivedOn.AddDays(3);
            o.RepliedBy = Clerk;
        }
    }

    /// <summary>Raisers of replied opinions rate the handling through their receipt codes: most satisfied, a few not.</summary>
    private static void ReRate(List<Opinion> opinions, Dictionary<int, DateOnly> repliedProblems, Random random, DateOnly today)
    {
        foreach (var o in opinions.Where(o => o.ReceiptHash is not null))
        {
            var replied = o.RepliedOn ?? (o.ProblemId is { } p && repliedProblems.TryGetValue(p, out var on) ? on : null);
            if (replied is null || random.Next(3) == 0)
            {
                continue;
            }
            o.ReRating = random.Next(10) switch { < 7 => ReRating.Satisfied, < 9 => ReRating.BasicallySatisfied, _ => ReRating.Unsatisfied };
            o.ReRatedOn = replied.Value.AddDays(2) < today ? replied.Value.AddDays(2) : today;
        }
    }

    private static async Task AddWeakAndModelAsync(AppDbContext db, WorkCalendar calendar, Campaign lastYear, CancellationToken cancellationToken)
    {
        var flags = await db.OrganizationFlags.AsNoTracking()
            .Where(f => f.CampaignId == lastYear.Id && f.State == OrganizationFlagState.Confirmed).ToListAsync(cancellationToken);
        var setOn = lastYear.EndsOn.AddDays(10);
        if (flags.FirstOrDefault(f => f.Kind == OrganizationFlagKind.Weak) is { } weak
            && await db.Organizations.FindAsync([weak.OrganizationId], cancellationToken) is { ParentId: { } parent })
        {
            var deadline = calendar.AddWorkingDays(setOn, 30);
            db.CorrectionPlans.Add(new CorrectionPlan
            {
                OrganizationId = weak.OrganizationId,
                ResponsibleOrganizationId = parent,
                CampaignId = lastYear.Id,
                FlagId = weak.Id,
                Requirements = "一、调整充实支部班子，健全“三会一课”制度；二、对群众反映的突出问题逐条整改并公开；三、每月向局党委报告整改进展。",
                SetOn = setOn,
                DeadlineDays = 30,
                Deadline = deadline,
                State = MeasureState.Verified,
                Report = "已调整支部委员2名，恢复“三会一课”并建立台账；群众反映的5个问题已全部整改并在院务公开栏公示。",
                ReportedOn = deadline.AddDays(-6),
                Conclusion = "经局党委验收，整改到位，群众满意度明显回升，同意销号。",
                ClosedOn = deadline.AddDays(-2),
                CreatedBy = Clerk,
                CreatedUtc = setOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            });
        }
        if (flags.FirstOrDefault(f => f.Kind == OrganizationFlagKind.Model) is { } model)
        {
            db.ModelRecords.Add(new ModelRecord
            {
                OrganizationId = model.OrganizationId,
                CampaignId = lastYear.Id,
                FlagId = model.Id,
                Title = $"{lastYear.Year}年度群众满意先进基层组织",
                Evidence = model.Evidence,
                Deeds = "坚持党员示范岗和责任区制度，推行预约诊疗和一站式服务，群众评议满意率连续两年位居全系统前列。",
                RecordedOn = setOn,
                RecordedBy = Clerk,
            });
        }
    }

    /// <summary>Makes problems from matching opinions and walks their measures through the states, as the pages would.</summary>
    private sealed class Builder(AppDbContext db, WorkCalendar calendar, List<Opinion> opinions, Dictionary<string, int> categories)
    {
        public Problem Problem(Campaign campaign, Organization owner, string title, string category, Func<Opinion, bool> match, string description)
        {
            var found = opinions.Where(o => o.ProblemId is null && o.MergedIntoId is null && o.OrganizationId == owner.Id
                && (o.CampaignId == campaign.Id || o.CampaignId is null) && match(o)).ToList();
            var problem = new Problem
            {
                CampaignId = campaign.Id,
                OrganizationId = owner.Id,
                CategoryId = categories[category],
                Title = title,
                Description = description,
                CreatedBy = Clerk,
                CreatedUtc = DateTime.UtcNow,
            };
            db.Problems.Add(problem);
            db.SaveChanges();
            // Remarks saying the same thing are merged into the first; every original keeps its text and counts.
            foreach (var o in found)
            {
                o.ProblemId = problem.Id;
                o.CategoryId ??= categories[category];
                if (o != found[0] && OpinionSimilarity.Similarity(o.Text, found[0].Text) >= 0.3)
                {
                    o.MergedIntoId = found[0].Id;
                }
            }
            return problem;
        }

        public Measure Measure(Problem problem, string text, Organization responsible, string person, DateOnly setOn, int days,
            int? verifiedAfter = null, int? sentBackAfter = null, string? sentBackRemark = null)
        {
            var measure = new Measure
            {
                Text = text,
                ResponsibleOrganizationId = responsible.Id,
                ResponsiblePerson = person,
                SetOn = setOn,
                DeadlineDays = days,
                Deadline = calendar.AddWorkingDays(setOn, days),
            };
            problem.Measures.Add(measure);
            if (sentBackAfter is { } back)
            {
                Start(measure, setOn.AddDays(1));
                Submit(measure, "已按要求完成整改，请验收。", setOn.AddDays(back - 1));
                measure.Verifications.Add(Verification(responsible, setOn.AddDays(back), passed: false, sentBackRemark));
                measure.State = MeasureState.InProgress;
                measure.SentBackCount = 1;
                Note(measure, MeasureNoteKind.SentBack, "退回：" + sentBackRemark, setOn.AddDays(back));
            }
            if (verifiedAfter is { } after)
            {
                Start(measure, setOn.AddDays(1));
                Submit(measure, "整改措施已全部落实，相关制度和照片资料已归档。", setOn.AddDays(after - 1));
                measure.Verifications.Add(Verification(responsible, setOn.AddDays(after), passed: true, null));
                measure.State = MeasureState.Verified;
                measure.VerifiedOn = setOn.AddDays(after);
                Note(measure, MeasureNoteKind.Verified, "验收通过：整改到位、合理、有效。", setOn.AddDays(after));
            }
            return measure;
        }

        public void Start(Measure measure, DateOnly on)
        {
            if (measure.State == MeasureState.Pending)
            {
                measure.State = MeasureState.InProgress;
                Note(measure, MeasureNoteKind.Started, "开始整改。", on);
            }
        }

        public void Submit(Measure measure, string evidence, DateOnly on)
        {
            measure.State = MeasureState.AwaitingVerification;
            measure.Evidence = evidence;
            measure.SubmittedOn = on;
            Note(measure, MeasureNoteKind.Submitted, "提交验收：" + evidence, on);
        }

        public void Note(Measure measure, MeasureNoteKind kind, string text, DateOnly on, string? by = null) =>
            measure.Notes.Add(new MeasureNote { Kind = kind, Text = text, By = by ?? Clerk, AtUtc = on.ToDateTime(new TimeOnly(2, 30), DateTimeKind.Utc) });

        public void Reply(Problem problem, string reply, DateOnly on)
        {
            problem.Reply = reply;
            problem.RepliedOn = on;
            problem.RepliedBy = Clerk;
        }

        private MeasureVerification Verification(Organization responsible, DateOnly on, bool passed, string? remark) => new()
        {
            InPlace = passed,
            InPlaceRemark = passed ? "措施已落实。" : remark,
            Reasonable = true,
            ReasonableRemark = "措施针对问题，切实可行。",
            Effective = passed,
            EffectiveRemark = passed ? "群众反映明显减少。" : "效果尚不明显。",
            VerifierOrganizationId = responsible.ParentId ?? responsible.Id,
            By = Clerk,
            On = on,
            AtUtc = on.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
        };
    }
}
