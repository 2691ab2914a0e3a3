namespace Pingyi.Domain.Organizations;

/// <summary>The Chinese names of the tree's vocabulary, shared by pages, imports and reports.</summary>
public static class Labels
{
    public static readonly IReadOnlyDictionary<OrganizationKind, string> Kinds = new Dictionary<OrganizationKind, string>
    {
        [OrganizationKind.Bureau] = "主管局",
        [OrganizationKind.PartyCommittee] = "党委",
        [OrganizationKind.GeneralBranch] = "党总支",
        [OrganizationKind.Branch] = "党支部",
        [OrganizationKind.Unit] = "单位",
        [OrganizationKind.Department] = "科室",
    };

    public static readonly IReadOnlyDictionary<UnitType, string> UnitTypes = new Dictionary<UnitType, string>
    {
        [UnitType.None] = "（无）",
        [UnitType.Bureau] = "卫生局",
        [UnitType.Hospital] = "医院",
        [UnitType.TownshipHospital] = "卫生院",
        [UnitType.Cdc] = "疾控中心",
        [UnitType.MaternalChildHealth] = "妇幼保健院",
        [UnitType.HealthSupervision] = "卫生监督所",
        [UnitType.BureauOffice] = "局机关科室",
        [UnitType.CommunityHealthCenter] = "社区卫生服务中心",
        [UnitType.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<MemberRole, string> Roles = new Dictionary<MemberRole, string>
    {
        [MemberRole.PartyMember] = "党员",
        [MemberRole.Cadre] = "干部",
        [MemberRole.Staff] = "职工",
    };

    public static readonly IReadOnlyDictionary<Gender, string> Genders = new Dictionary<Gender, string>
    {
        [Gender.Unspecified] = "未填",
        [Gender.Male] = "男",
        [Gender.Female] = "女",
    };

    public static string Of(OrganizationKind kind) => Kinds.TryGetValue(kind, out var s) ? s : kind.ToString();

    public static string Of(UnitType type) => UnitTypes.TryGetValue(type, out var s) ? s : type.ToString();

    public static string Of(MemberRole role) => Roles.TryGetValue(role, out var s) ? s : role.ToString();

    public static string Of(Gender gender) => Genders.TryGetValue(gender, out var s) ? s : gender.ToString();

    /// <summary>Reads a Chinese label back (as typed in an import file); blank or unknown gives false.</summary>
    public static bool TryParse<T>(IReadOnlyDictionary<T, string> labels, string? text, out T value) where T : struct
    {
        var t = text?.Trim();
        foreach (var (key, label) in labels)
        {
            if (string.Equals(label, t, StringComparison.Ordinal))
            {
                value = key;
                return true;
            }
        }
        value = default;
        return false;
    }
}
