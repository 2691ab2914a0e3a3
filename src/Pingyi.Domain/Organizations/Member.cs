namespace Pingyi.Domain.Organizations;

/// <summary>党员/干部/职工: a person who can be a subject of appraisal. Raters are never members.</summary>
public class Member
{
    public const int NameMaxLength = 50;
    public const int PositionMaxLength = 50;
    public const int EmployeeNoMaxLength = 32;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public string Name { get; set; } = "";

    public Gender Gender { get; set; }

    public MemberRole Role { get; set; }

    /// <summary>职务, e.g. 支部书记, 主治医师.</summary>
    public string? Position { get; set; }

    /// <summary>工号: optional, unique within an organisation; lets a re-import recognise a person.</summary>
    public string? EmployeeNo { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedUtc { get; set; }
}

public enum MemberRole
{
    PartyMember = 1,
    Cadre = 2,
    Staff = 3,
}

public enum Gender
{
    Unspecified = 0,
    Male = 1,
    Female = 2,
}
