namespace Pingyi.Web.Demo;

/// <summary>The 意见建议 demo raters leave, by the form they answer: what patients, staff and deputies typically write.</summary>
internal static class DemoRemarks
{
    public static readonly string[] Patients =
    [
        "挂号排队时间长，希望增加自助挂号机。",
        "停车难，医院周边车位太少。",
        "医生解释耐心，讲得很清楚，谢谢！",
        "收费项目不够清楚，希望费用清单能解释一下。",
        "候诊时间太长，叫号系统有时不准。",
        "护士态度很好，夜里按铃来得很快。",
        "检查预约要等好几天，希望能快一点。",
        "厕所不够干净，希望加强保洁。",
        "住院部饭菜价格偏高，味道一般。",
        "出院结算手续繁琐，跑了好几个窗口。",
        "指示标识不清楚，找科室绕了很多路。",
        "医生看病很仔细，没有乱开检查。",
        "药房取药排队时间长。",
        "希望周末也开放专家门诊。",
        "手机预约挂号很方便，希望继续推广。",
        "病房太吵，晚上休息不好。",
        "个别医生态度生硬，问多了就不耐烦。",
        "希望增加老年人就医的帮扶服务，比如陪诊。",
        "卫生院缺少部分常用药，还要去城里买。",
        "检查结果出来太慢，希望能在手机上查询。",
        "医保报销政策讲解得不够，不知道能报多少。",
        "整体服务比去年好多了，继续努力。",
        "急诊等候区座位太少。",
        "卫生院的医生下乡随访很认真，还为老人做了体检。",
    ];

    public static readonly string[] Staff =
    [
        "绩效分配方案希望更公开透明。",
        "夜班补助偏低，希望适当提高。",
        "希望多安排外出进修学习的机会。",
        "职工食堂饭菜品种少。",
        "重大事项希望多听取一线职工的意见。",
        "值班室条件差，希望改善。",
        "科室人员紧张，加班多，希望补充人手。",
    ];

    public static readonly string[] Offices =
    [
        "办事效率有提高，但有的审批事项还要跑多次。",
        "希望多深入基层卫生院了解实际困难。",
        "政策文件解读不够，基层执行起来有难度。",
        "接待热情，一次性告知办事要求，点赞。",
        "医改惠民政策宣传还要加强。",
        "希望减少基层的报表和检查。",
        "党组织活动形式可以更丰富一些，贴近业务工作。",
        "为群众办实事的项目希望公开进展情况。",
        "对乡镇卫生院的投入还要加大。",
    ];

    public static string[] For(string? templateKey) => templateKey switch
    {
        DemoCampaigns.HospitalForm => Patients,
        DemoCampaigns.StaffForm => Staff,
        _ => Offices,
    };
}
