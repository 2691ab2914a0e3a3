namespace Pingyi.Domain.Campaigns;

public static class CampaignLabels
{
    public static readonly IReadOnlyDictionary<CampaignState, string> States = new Dictionary<CampaignState, string>
    {
        [CampaignState.Draft] = "草稿",
        [CampaignState.Open] = "进行中",
        [CampaignState.Closed] = "已结束",
        [CampaignState.Published] = "已公示",
        [CampaignState.Archived] = "已归档",
    };

    public static readonly IReadOnlyDictionary<RaterGroupKind, string> GroupKinds = new Dictionary<RaterGroupKind, string>
    {
        [RaterGroupKind.ServiceRecipient] = "服务对象/患者",
        [RaterGroupKind.StaffRepresentative] = "职工代表",
        [RaterGroupKind.PartyMember] = "党员",
        [RaterGroupKind.NpcDeputy] = "人大代表",
        [RaterGroupKind.CppccMember] = "政协委员",
        [RaterGroupKind.NonPartyPerson] = "党外人士",
        [RaterGroupKind.RetiredCadre] = "离退休干部",
        [RaterGroupKind.GrassrootsRepresentative] = "基层单位代表",
        [RaterGroupKind.SuperiorOrganization] = "上级组织",
        [RaterGroupKind.StandingChannel] = "平时评议（扫码）",
        [RaterGroupKind.Custom] = "自定义",
    };

    public static readonly IReadOnlyDictionary<Direction, string> Directions = new Dictionary<Direction, string>
    {
        [Direction.TopDown] = "上评下",
        [Direction.BottomUp] = "下评上",
        [Direction.Peer] = "同级互评",
        [Direction.OrganizationRatesMembers] = "党组织评议党员",
        [Direction.MembersRateOrganization] = "党员评议党组织",
        [Direction.ServiceRecipients] = "服务对象评议",
        [Direction.Self] = "自评",
    };

    public static string Of(CampaignState s) => States.TryGetValue(s, out var n) ? n : s.ToString();

    public static string Of(RaterGroupKind k) => GroupKinds.TryGetValue(k, out var n) ? n : k.ToString();

    public static string Of(Direction d) => Directions.TryGetValue(d, out var n) ? n : d.ToString();
}
