namespace Pingyi.Domain.Forms;

/// <summary>
/// A built-in form to copy and adapt. <see cref="Create"/> builds a fresh, unsaved version on every
/// call, so a copy can be edited without touching the template or another copy.
/// </summary>
public sealed record FormTemplate(string Key, string Name, string Summary, Func<FormVersion> Create);

/// <summary>
/// The forms the health system uses most, written the way a bureau would hand them out. Item keys
/// are fixed, so forms copied from the same template can be compared across organisations.
/// </summary>
public static class BuiltInTemplates
{
    private const string Anonymous = "本表不记名，不填写姓名，评议结果只作汇总统计使用，请您放心、如实评价。";

    public static IReadOnlyList<FormTemplate> All { get; } =
    [
        new("party-org-five-goods", "党组织“五个好”评议表",
            "对照“五个好”目标评议基层党组织，三级满意度评价，附总体评价和意见建议。", PartyOrganizationFiveGoods),
        new("party-member-five-leads", "党员“五带头”评议表",
            "对照“五带头”要求评议党员，三级满意度评价，附总体评价和意见建议。", PartyMemberFiveLeads),
        new("hospital-patient-satisfaction", "医院群众（患者）满意度测评表",
            "围绕“敬业奉献、服务群众健康”，由患者及家属评价就医全过程，五级好差评。", HospitalPatientSatisfaction),
        new("office-conduct", "机关作风评议表",
            "围绕“推进医药卫生体制改革和卫生事业发展”评议机关科室作风，三级评价加百分制评分。", OfficeConduct),
        new("staff-satisfaction", "职工满意度测评表",
            "职工评价工作环境、待遇、发展和民主管理，五级满意度评价，可选最希望改进的方面。", StaffSatisfaction),
        new("member-democratic-appraisal", "民主评议党员测评票",
            "民主评议党员时使用，按优秀、合格、基本合格、不合格四个等次测评。", MemberDemocraticAppraisal),
    ];

    public static FormTemplate? Find(string? key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));

    private static FormVersion PartyOrganizationFiveGoods() => Version(
        "基层党组织“五个好”群众评议表",
        "为深入开展创先争优活动，请您对照“五个好”目标，对被评议党组织一年来的表现作出评价。"
            + "每项请在“满意”“基本满意”“不满意”中选择一项；对党组织的意见和建议，请写在最后一栏。" + Anonymous,
        Section("“五个好”目标",
            Grade("ldbzh", "领导班子好", GradeScale.Satisfaction3,
                "班子成员政治素质好，团结协作，认真贯彻落实党的路线方针政策和上级决策部署。"),
            Grade("dydwh", "党员队伍好", GradeScale.Satisfaction3,
                "党员理想信念坚定，素质优良，先锋模范作用发挥充分。"),
            Grade("gzjzh", "工作机制好", GradeScale.Satisfaction3,
                "党内生活制度健全，“三会一课”等组织生活正常，党务公开、民主决策落实到位。"),
            Grade("gzyjh", "工作业绩好", GradeScale.Satisfaction3,
                "围绕中心、服务大局，较好完成医疗卫生重点任务，工作业绩突出。"),
            Grade("qzfyh", "群众反映好", GradeScale.Satisfaction3,
                "密切联系群众，为群众办实事、解难事，群众认可度高。")),
        Section("总体评价",
            Grade("ztpj", "您对该党组织的总体评价", GradeScale.Satisfaction3)),
        Section("意见建议",
            Opinion("yjjy", "您对该党组织有哪些意见和建议？")));

    private static FormVersion PartyMemberFiveLeads() => Version(
        "党员“五带头”群众评议表",
        "请您对照党员“五带头”要求，对被评议党员在工作、学习和生活中的表现作出评价。"
            + "每项请在“满意”“基本满意”“不满意”中选择一项；对该党员的意见和建议，请写在最后一栏。" + Anonymous,
        Section("“五带头”要求",
            Grade("dtxxtg", "带头学习提高", GradeScale.Satisfaction3,
                "认真学习政治理论和医疗卫生业务知识，不断提高素质和服务能力。"),
            Grade("dtzcjj", "带头争创佳绩", GradeScale.Satisfaction3,
                "立足本职岗位，爱岗敬业，争创一流业绩。"),
            Grade("dtfwqz", "带头服务群众", GradeScale.Satisfaction3,
                "热情为群众和患者服务，主动帮助群众解决实际困难。"),
            Grade("dtzjsf", "带头遵纪守法", GradeScale.Satisfaction3,
                "严格遵守党的纪律和国家法律法规，廉洁行医、廉洁从业。"),
            Grade("dthyzq", "带头弘扬正气", GradeScale.Satisfaction3,
                "讲正气、树新风，敢于同不良风气和违纪违法行为作斗争。")),
        Section("总体评价",
            Grade("ztpj", "您对该党员的总体评价", GradeScale.Satisfaction3)),
        Section("意见建议",
            Opinion("yjjy", "您对该党员有哪些意见和建议？")));

    private static FormVersion HospitalPatientSatisfaction() => Version(
        "医院群众（患者）满意度测评表",
        "尊敬的患者及家属：为了解您对我院医疗服务的真实感受，围绕“敬业奉献、服务群众健康”目标改进工作，"
            + "请您根据本次就医的亲身经历填写本表。每项请在“非常满意”到“非常不满意”五个等级中选择一项，"
            + "没有经历过的项目可以不选。本表不记名，不收集您的姓名和联系方式，评价结果只作汇总统计和改进服务使用。感谢您的支持！",
        Section("基本情况",
            SingleChoice("kslb", "您本次就诊的科室类别", "门诊", "住院", "急诊", "体检")),
        Section("就医流程与环境",
            Grade("ghlc", "挂号流程", GradeScale.Satisfaction5, "预约、挂号、缴费等手续是否方便快捷。", required: false),
            Grade("hzsj", "候诊时间", GradeScale.Satisfaction5, "从挂号到就诊、检查的等候时间是否合理。", required: false),
            Grade("jyhj", "就医环境", GradeScale.Satisfaction5, "诊室、病房、卫生间是否整洁，标识是否清楚。", required: false),
            Grade("yshbh", "隐私保护", GradeScale.Satisfaction5, "问诊、检查时是否注意保护您的隐私。", required: false)),
        Section("医疗服务",
            Grade("ywrygt", "医务人员沟通", GradeScale.Satisfaction5, "医生是否耐心听取病情，讲清诊断、治疗方案和注意事项。", required: false),
            Grade("hlfw", "护理服务", GradeScale.Satisfaction5, "护士是否态度热情、操作规范、及时回应呼叫。", required: false),
            Grade("ylfy", "医疗费用（合理检查、合理治疗、合理收费）", GradeScale.Satisfaction5,
                "检查和用药是否必要，收费是否明码标价、清楚透明。", required: false),
            Grade("ydyf", "医德医风", GradeScale.Satisfaction5, "医务人员是否廉洁行医，有无索要、收受红包等行为。", required: false),
            Grade("ypgy", "药品供应", GradeScale.Satisfaction5, "所需药品是否能及时取到。", required: false)),
        Section("总体评价",
            Grade("ztmyd", "总体满意度", GradeScale.Satisfaction5, "综合本次就医感受，您对我院的总体评价。")),
        Section("意见建议",
            Opinion("yjjy", "您对我院的服务还有哪些意见和建议？")));

    private static FormVersion OfficeConduct() => Version(
        "机关作风评议表",
        "为推进医药卫生体制改革和卫生事业发展，转变机关作风、提高服务效能，请您对被评议科室（单位）一年来的作风情况作出评价。"
            + "第一部分每项请在“满意”“基本满意”“不满意”中选择一项；第二部分请按百分制打分。" + Anonymous,
        Section("作风评价",
            Grade("gzzf", "工作作风", GradeScale.Satisfaction3, "深入基层、求真务实，不推诿扯皮。"),
            Grade("fwtd", "服务态度", GradeScale.Satisfaction3, "接待来人来电热情耐心，一次性告知办事要求。"),
            Grade("bsxl", "办事效率", GradeScale.Satisfaction3, "按时限办结事项，不拖延、不积压。"),
            Grade("yfxz", "依法行政", GradeScale.Satisfaction3, "依法依规履行职责，执法公正、程序规范。"),
            Grade("ljzl", "廉洁自律", GradeScale.Satisfaction3, "严守廉洁纪律，不吃拿卡要，不以权谋私。"),
            Grade("tjygcx", "推进医改成效", GradeScale.Satisfaction3, "推动医药卫生体制改革各项任务落实的成效。"),
            Grade("cnjnqk", "承诺践诺情况", GradeScale.Satisfaction3, "年初公开承诺的事项是否兑现。"),
            Grade("wqzbss", "为群众办实事", GradeScale.Satisfaction3, "为群众办实事、做好事、解难事的情况。")),
        Section("综合评分",
            Score("lzcxpf", "履职成效评分", 100, 60,
                "请按百分制打分：90分及以上为好，75至89分为较好，60至74分为一般，60分以下为差。"),
            Score("zfjspf", "作风建设评分", 100, 40,
                "请按百分制打分：90分及以上为好，75至89分为较好，60至74分为一般，60分以下为差。")),
        Section("意见建议",
            Opinion("yjjy", "您对该科室（单位）的作风建设有哪些意见和建议？")));

    private static FormVersion StaffSatisfaction() => Version(
        "职工满意度测评表",
        "为了解职工对本单位管理和工作的满意程度，推进民主管理和院务公开，请您根据日常工作中的实际感受填写本表。"
            + "每项请在“非常满意”到“非常不满意”五个等级中选择一项。" + Anonymous,
        Section("满意度评价",
            Grade("gzhj", "工作环境", GradeScale.Satisfaction5, "办公和诊疗条件、设备设施、安全保障。"),
            Grade("xcdy", "薪酬待遇", GradeScale.Satisfaction5, "工资、绩效分配和福利的合理性与公平性。"),
            Grade("pxfz", "培训与发展", GradeScale.Satisfaction5, "业务培训、进修学习和职业发展机会。"),
            Grade("ldbzzf", "领导班子作风", GradeScale.Satisfaction5, "领导班子团结务实、廉洁自律、关心职工。"),
            Grade("mzgl", "民主管理", GradeScale.Satisfaction5, "职代会作用发挥，重大事项听取职工意见。"),
            Grade("ywgk", "院务公开", GradeScale.Satisfaction5, "重大决策、财务、人事等事项公开及时、内容真实。"),
            Grade("ztmyd", "总体满意度", GradeScale.Satisfaction5)),
        Section("改进方向",
            MultipleChoice("zxwgj", "您最希望改进的方面（最多选3项）", 3,
                "工作环境", "薪酬待遇", "培训与发展", "领导班子作风", "民主管理", "院务公开", "后勤保障", "绩效考核", "其他")),
        Section("意见建议",
            Opinion("yjjy", "您对本单位的工作还有哪些意见和建议？")));

    private static FormVersion MemberDemocraticAppraisal() => Version(
        "民主评议党员测评票",
        "请对照党员标准，对被评议党员一年来的表现作出评价，每项在“优秀”“合格”“基本合格”“不合格”中选择一个等次。"
            + "测评结果供党支部确定评议等次时参考，“优秀”等次一般不超过参评党员的三分之一。"
            + "本测评票不记名，评议结果只作汇总统计使用，请您客观公正、实事求是地评价。",
        Section(null,
            Grade("zzbx", "政治表现", GradeScale.MemberGrade4,
                "理想信念坚定，对党忠诚，认真学习贯彻党的理论和路线方针政策。"),
            Grade("lzjz", "履职尽责", GradeScale.MemberGrade4,
                "爱岗敬业，认真履行岗位职责，完成工作任务。"),
            Grade("zfjl", "作风纪律", GradeScale.MemberGrade4,
                "遵守党的纪律和规矩，按时参加组织生活，廉洁自律。"),
            Grade("xfmfzy", "发挥先锋模范作用", GradeScale.MemberGrade4,
                "在工作和群众中起带头作用，关键时刻站得出来、顶得上去。"),
            Grade("zhdc", "综合等次", GradeScale.MemberGrade4, "综合以上各方面，您给出的总体等次。")),
        Section("意见建议",
            Opinion("yjjy", "您对该党员有哪些意见和建议？")));

    private static FormVersion Version(string title, string description, params FormSection[] sections)
    {
        for (var i = 0; i < sections.Length; i++)
        {
            sections[i].Position = i + 1;
        }
        return new FormVersion { Number = 1, Title = title, Description = description, Sections = [.. sections] };
    }

    private static FormSection Section(string? title, params FormItem[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            items[i].Position = i + 1;
        }
        return new FormSection { Title = title, Items = [.. items] };
    }

    private static FormItem Grade(string key, string text, GradeScale scale, string? help = null, bool required = true) =>
        new() { Key = key, Kind = ItemKind.Grade, Text = text, Help = help, Required = required, Scale = scale };

    private static FormItem Score(string key, string text, int maxScore, int weight, string help) =>
        new() { Key = key, Kind = ItemKind.Score, Text = text, Help = help, MaxScore = maxScore, Weight = weight };

    private static FormItem SingleChoice(string key, string text, params string[] options) =>
        new() { Key = key, Kind = ItemKind.SingleChoice, Text = text, Options = [.. options] };

    private static FormItem MultipleChoice(string key, string text, int maxChoices, params string[] options) =>
        new() { Key = key, Kind = ItemKind.MultipleChoice, Text = text, Required = false, MaxChoices = maxChoices, Options = [.. options] };

    // Opinions are never forced: a rater with nothing to say should not have to invent something.
    private static FormItem Opinion(string key, string text) =>
        new() { Key = key, Kind = ItemKind.Text, Text = text, Required = false, MaxLength = FormItem.DefaultTextLength };
}
