using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;

namespace Pingyi.Web.Demo;

/// <summary>
/// The demo bureau's forms and campaigns: the bureau's copies of the built-in templates, last
/// year's campaign (已结束, for year-on-year comparison), this year's (进行中), a draft
/// 民主评议党员 round and last year's, which ran its course. Loaded once, when the database has no campaign yet.
/// </summary>
public static class DemoCampaigns
{
    public const string HospitalForm = "hospital-patient-satisfaction";
    public const string StaffForm = "staff-satisfaction";
    public const string OfficeForm = "office-conduct";
    public const string MemberForm = "member-democratic-appraisal";
    public const string FiveGoodsForm = "party-org-five-goods";
    public const string FiveLeadsForm = "party-member-five-leads";

    public static async Task EnsureAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (await db.Campaigns.AnyAsync(cancellationToken))
        {
            return;
        }
        var bureau = await db.Organizations.FirstOrDefaultAsync(o => o.Code == "SWJ", cancellationToken);
        if (bureau is null)
        {
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        var forms = new Dictionary<string, FormVersion>();
        foreach (var key in new[] { HospitalForm, StaffForm, OfficeForm, MemberForm, FiveGoodsForm, FiveLeadsForm })
        {
            var template = BuiltInTemplates.Find(key) ?? throw new InvalidOperationException($"Built-in template {key} is missing.");
            var version = template.Create();
            version.Number = 1;
            version.CreatedUtc = nowUtc;
            db.Forms.Add(new Form { OrganizationId = bureau.Id, TemplateKey = key, CreatedUtc = nowUtc, Versions = [version] });
            forms[key] = version;
        }
        await db.SaveChangesAsync(cancellationToken);

        var units = await db.Organizations
            .Where(o => o.Path.StartsWith(bureau.Path) && o.IsActive && o.Kind == OrganizationKind.Unit)
            .OrderBy(o => o.SortOrder).ToListAsync(cancellationToken);
        var offices = await db.Organizations
            .Where(o => o.Path.StartsWith(bureau.Path) && o.IsActive && o.UnitType == UnitType.BureauOffice)
            .OrderBy(o => o.SortOrder).ToListAsync(cancellationToken);
        var branch = await db.Organizations.FirstAsync(o => o.Code == "SWJ-JGDZB", cancellationToken);
        var partyMembers = await db.Members.Where(m => m.OrganizationId == branch.Id && m.IsActive).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        var today = DateOnly.FromDateTime(nowUtc);
        var lastYear = SystemWide(bureau, $"{today.Year - 1}年度创先争优群众评议", today.Year - 1, units, offices, forms, nowUtc, standing: false);
        lastYear.StartsOn = new DateOnly(today.Year - 1, 11, 1);
        lastYear.EndsOn = new DateOnly(today.Year - 1, 12, 20);
        db.Campaigns.Add(lastYear);

        var thisYear = SystemWide(bureau, $"{today.Year}年度创先争优群众评议", today.Year, units, offices, forms, nowUtc, standing: true);
        thisYear.StartsOn = today.AddDays(-14);
        thisYear.EndsOn = today.AddDays(45);
        db.Campaigns.Add(thisYear);

        var draft = MemberAppraisal(branch, $"{today.Year}年度局机关党支部民主评议党员", today, partyMembers, forms[MemberForm], nowUtc);
        db.Campaigns.Add(draft);
        // Last year's round of the same branch ran its course: its votes and the branch's grades are on record.
        var lastMembers = MemberAppraisal(branch, $"{today.Year - 1}年度局机关党支部民主评议党员", today, partyMembers, forms[MemberForm], nowUtc);
        lastMembers.Year = today.Year - 1;
        lastMembers.StartsOn = new DateOnly(today.Year - 1, 12, 1);
        lastMembers.EndsOn = new DateOnly(today.Year - 1, 12, 10);
        db.Campaigns.Add(lastMembers);
        await db.SaveChangesAsync(cancellationToken);

        // Last year's round ran its course: opened in November, closed in December, forms frozen then.
        lastYear.State = CampaignState.Closed;
        lastYear.OpenedUtc = lastYear.StartsOn.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        lastYear.ClosedUtc = lastYear.EndsOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        lastMembers.State = CampaignState.Closed;
        lastMembers.OpenedUtc = lastMembers.StartsOn.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        lastMembers.ClosedUtc = lastMembers.EndsOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        foreach (var v in lastYear.Assignments.Concat(lastMembers.Assignments).Select(a => a.FormVersion!))
        {
            v.FrozenUtc ??= lastYear.OpenedUtc;
        }
        var error = CampaignRules.Transition(thisYear, CampaignState.Open, nowUtc, today);
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static Campaign SystemWide(Organization bureau, string name, int year, List<Organization> units, List<Organization> offices,
        Dictionary<string, FormVersion> forms, DateTime nowUtc, bool standing)
    {
        var campaign = new Campaign
        {
            OrganizationId = bureau.Id,
            Organization = bureau,
            Name = name,
            Year = year,
            Theme = "医院：敬业奉献、服务群众健康；机关：推进医药卫生体制改革和卫生事业发展",
            MinGroupSize = Campaign.DefaultMinGroupSize,
            CreatedUtc = nowUtc,
        };
        var unitSubjects = units.Select(u => new CampaignSubject { OrganizationId = u.Id, Organization = u }).ToList();
        var officeSubjects = offices.Select(u => new CampaignSubject { OrganizationId = u.Id, Organization = u }).ToList();
        campaign.Subjects.AddRange(unitSubjects);
        campaign.Subjects.AddRange(officeSubjects);

        RaterGroup Group(RaterGroupKind kind, int planned, int weight) =>
            new() { Kind = kind, Name = CampaignLabels.Of(kind), PlannedCount = planned, Weight = weight, Position = campaign.RaterGroups.Count + 1 };
        var patients = Group(RaterGroupKind.ServiceRecipient, 1200, 40);
        var staff = Group(RaterGroupKind.StaffRepresentative, 160, 20);
        var deputies = Group(RaterGroupKind.NpcDeputy, 20, 10);
        var cppcc = Group(RaterGroupKind.CppccMember, 20, 10);
        var retired = Group(RaterGroupKind.RetiredCadre, 30, 10);
        var superior = Group(RaterGroupKind.SuperiorOrganization, 10, 10);
        campaign.RaterGroups.AddRange([patients, staff, deputies, cppcc, retired, superior]);

        Assignment Assign(RaterGroup group, Direction direction, string form, List<CampaignSubject> subjects) =>
            new() { RaterGroup = group, Direction = direction, FormVersion = forms[form], Subjects = subjects };
        campaign.Assignments.AddRange(
        [
            Assign(patients, Direction.ServiceRecipients, HospitalForm, unitSubjects),
            Assign(staff, Direction.BottomUp, StaffForm, unitSubjects),
            Assign(deputies, Direction.ServiceRecipients, OfficeForm, officeSubjects),
            Assign(cppcc, Direction.ServiceRecipients, OfficeForm, officeSubjects),
            Assign(retired, Direction.ServiceRecipients, OfficeForm, [.. unitSubjects, .. officeSubjects]),
            Assign(superior, Direction.TopDown, FiveGoodsForm, unitSubjects),
        ]);
        if (standing)
        {
            // This year the first hospital also asks its outpatients every day (平时评议) by a QR code in the
            // hall; lower trust, so weight 0: shown beside the composite, not in it.
            var walkIns = Group(RaterGroupKind.StandingChannel, 400, 0);
            walkIns.Name = "门诊患者（平时扫码）";
            campaign.RaterGroups.Add(walkIns);
            campaign.Assignments.Add(Assign(walkIns, Direction.ServiceRecipients, HospitalForm,
                unitSubjects.Where(s => s.Organization!.Code == DemoMeetings.HospitalCode).ToList()));
        }
        return campaign;
    }

    private static Campaign MemberAppraisal(Organization branch, string name, DateOnly today, List<Member> members, FormVersion form, DateTime nowUtc)
    {
        var campaign = new Campaign
        {
            OrganizationId = branch.Id,
            Organization = branch,
            Name = name,
            Year = today.Year,
            Theme = "党员民主评议制度",
            StartsOn = today.AddDays(20),
            EndsOn = today.AddDays(30),
            MinGroupSize = Campaign.DefaultMinGroupSize,
            CreatedUtc = nowUtc,
        };
        var subjects = members.Select(m => new CampaignSubject { MemberId = m.Id, Member = m }).ToList();
        campaign.Subjects.AddRange(subjects);
        var group = new RaterGroup
        {
            Kind = RaterGroupKind.PartyMember,
            Name = CampaignLabels.Of(RaterGroupKind.PartyMember),
            PlannedCount = Math.Max(members.Count, Campaign.DefaultMinGroupSize),
            Weight = 100,
            Position = 1,
        };
        campaign.RaterGroups.Add(group);
        campaign.Assignments.Add(new Assignment { RaterGroup = group, Direction = Direction.OrganizationRatesMembers, FormVersion = form, Subjects = subjects });
        return campaign;
    }
}
