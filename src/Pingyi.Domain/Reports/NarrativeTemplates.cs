namespace Pingyi.Domain.Reports;

/// <summary>One section of the summary report with its pre-written wording.</summary>
public sealed record NarrativeSection(string Key, string Heading, string DefaultText);

/// <summary>
/// The pre-written wording of each section, in the style of the year-end summaries Pingyi imitates
/// ("共开展评议会_余场次，发放评议表_余份，参与评议人员达_余人次……"): every blank of those
/// documents is a placeholder filled from the data (<see cref="SummaryPlaceholders"/>).
/// </summary>
public static class NarrativeTemplates
{
    public static readonly IReadOnlyList<NarrativeSection> Sections =
    [
        new("basic", "基本情况",
            "{组织名称}按照统一部署，认真组织开展{评议范围}群众评议工作。评议中共召开评议会{评议会场次}场、座谈会{座谈会场次}场，"
            + "开展个别访谈{个别访谈次数}次、走访{走访次数}次，发放测评表{发放测评表}份，回收测评表{回收测评表}份，其中有效{有效测评表}份，"
            + "参与评议人员达{参评人次}人次。"),
        new("results", "评议结果",
            "本次评议共收到测评票{测评票张数}张，对{参评对象数}个评议对象进行了满意度测评。评议对象中最高满意率{最高满意率}，"
            + "最低满意率{最低满意率}，平均满意率{平均满意率}，全部测评票合计满意率{合计满意率}。"
            + "民主评议党员评定优秀{优秀人数}名、合格{合格人数}名、基本合格{基本合格人数}名、不合格{不合格人数}名。"),
        new("opinions", "意见建议收集情况",
            "我们把评议的过程当作征求意见和建议的过程，虚心纳谏，开门评议，共征求到意见和建议{意见建议条数}条。"
            + "按类别分：{意见类别分布}；按来源分：{意见来源分布}。"),
        new("problems", "问题整改情况",
            "对群众反映的意见建议，本着什么问题突出就解决什么问题的原则，坚持边评议、边整改、边提高。"
            + "经梳理，共查找问题{查找问题条数}条，制定整改措施{整改措施条数}条，已验收{已验收措施条数}条，"
            + "逾期未完成{逾期措施条数}条，按期完成率{按期完成率}。每项整改均按到位不到位、合理不合理、有效没有效进行验收。"),
        new("feedback", "反馈与群众满意度",
            "对群众反映的问题及时调查处理，并将办理结果向提出意见的群众反馈，意见建议答复率{答复率}。"
            + "群众对整改结果再次评价，整改满意率{整改满意率}。"),
        new("weak-model", "软弱涣散与先进典型",
            "对群众意见多、满意率低的基层党组织，经认定为软弱涣散的{软弱涣散组织数}个，制定限期改正方案{限期改正方案数}个，"
            + "由上级党组织负责督促整改；对群众满意度高的，认定先进典型{先进典型组织数}个，记录先进事迹{先进事迹数}项，树立典型，示范带动。"),
        new("next", "下一步工作",
            "下一步，我们将根据群众评议的结果及所指出的不足之处，进一步加大整改力度，切实解决存在的问题，"
            + "把评议结果通过党务、政务公开栏、网络等形式向群众通报，并作为评先选优的重要依据，"
            + "以对党负责、对党员干部负责、对人民群众负责的精神，把群众评议工作抓实抓好。"),
    ];

    public static NarrativeSection? Find(string? key) => Sections.FirstOrDefault(s => s.Key == key);
}
