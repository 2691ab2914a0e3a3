using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Tests.Campaigns;

/// <summary>
/// A complete campaign plan held in memory, as CheckPlan expects it loaded: a hospital (/1/2/)
/// runs the campaign; patients rate its internal-medicine branch, party members rate one member.
/// </summary>
internal sealed class TestCampaigns
{
    public static readonly DateOnly Start = new(2024, 3, 1);
    public static readonly DateOnly End = new(2024, 3, 31);

    public Organization Hospital { get; } = new() { Id = 2, Name = "市人民医院", Path = "/1/2/" };

    public Organization Branch { get; } = new() { Id = 3, Name = "内科党支部", Path = "/1/2/3/" };

    public CampaignSubject BranchSubject { get; }

    public CampaignSubject MemberSubject { get; }

    public RaterGroup Patients { get; } = new() { Id = 21, Kind = RaterGroupKind.ServiceRecipient, PlannedCount = 50, Weight = 60, Position = 1 };

    public RaterGroup PartyMembers { get; } = new() { Id = 22, Kind = RaterGroupKind.PartyMember, PlannedCount = 20, Weight = 40, Position = 2 };

    public FormVersion Form { get; } = BuiltInTemplates.Find("hospital-patient-satisfaction")!.Create();

    public FormVersion MemberForm { get; } = BuiltInTemplates.Find("member-democratic-appraisal")!.Create();

    public Assignment PatientsRateBranch { get; }

    public Assignment MembersRateMember { get; }

    public Campaign Campaign { get; }

    public TestCampaigns()
    {
        Form.Id = 31;
        MemberForm.Id = 32;
        BranchSubject = new CampaignSubject { Id = 11, OrganizationId = Branch.Id, Organization = Branch };
        var zhang = new Member { Id = 41, Name = "张三", OrganizationId = Branch.Id, Organization = Branch };
        MemberSubject = new CampaignSubject { Id = 12, MemberId = zhang.Id, Member = zhang };
        PatientsRateBranch = new Assignment
        {
            Id = 51,
            RaterGroupId = Patients.Id,
            RaterGroup = Patients,
            Direction = Direction.ServiceRecipients,
            FormVersionId = Form.Id,
            FormVersion = Form,
            Subjects = [BranchSubject],
        };
        MembersRateMember = new Assignment
        {
            Id = 52,
            RaterGroupId = PartyMembers.Id,
            RaterGroup = PartyMembers,
            Direction = Direction.OrganizationRatesMembers,
            FormVersionId = MemberForm.Id,
            FormVersion = MemberForm,
            Subjects = [MemberSubject],
        };
        Campaign = new Campaign
        {
            Id = 1,
            OrganizationId = Hospital.Id,
            Organization = Hospital,
            Name = "2024年创先争优群众评议",
            Year = 2024,
            Theme = "敬业奉献、服务群众健康",
            StartsOn = Start,
            EndsOn = End,
            Subjects = [BranchSubject, MemberSubject],
            RaterGroups = [Patients, PartyMembers],
            Assignments = [PatientsRateBranch, MembersRateMember],
        };
    }

    public CampaignSubject AddOrganizationSubject(int id, string name, string path)
    {
        var organization = new Organization { Id = id + 100, Name = name, Path = path };
        var subject = new CampaignSubject { Id = id, OrganizationId = organization.Id, Organization = organization };
        Campaign.Subjects.Add(subject);
        return subject;
    }
}
