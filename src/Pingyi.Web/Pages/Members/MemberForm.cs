using Pingyi.Domain.Organizations;
using Pingyi.Web.Features.Organizations;

namespace Pingyi.Web.Pages.Members;

public sealed class MemberForm
{
    public string? Name { get; set; }

    public MemberRole Role { get; set; } = MemberRole.PartyMember;

    public Gender Gender { get; set; }

    public string? Position { get; set; }

    public string? EmployeeNo { get; set; }

    public MemberInput ToInput() => new(Name, Role, Gender, Position, EmployeeNo);

    public static MemberForm From(Member m) =>
        new() { Name = m.Name, Role = m.Role, Gender = m.Gender, Position = m.Position, EmployeeNo = m.EmployeeNo };
}
