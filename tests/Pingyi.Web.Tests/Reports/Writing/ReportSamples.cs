using Pingyi.Domain.Reports;

namespace Pingyi.Web.Tests.Reports.Writing;

/// <summary>Report documents for the writer tests: one using every feature with hostile text, one nearly empty.</summary>
public static class ReportSamples
{
    public const string Title = "某某卫生健康局2026年度群众评议工作总结";
    public const string Issuer = "某某卫生健康局";
    public const string Hostile = "<script>alert(1)</script>";
    public const string Formula = "=cmd|' /C calc'!A0";

    /// <summary>Control characters and a lone surrogate, none of which XML can carry.</summary>
    public const string Invalid = "坏\u0001字\uD800符\uFFFF";

    public static ReportDocument Rich(int unitRows = 80) => new(
        Title,
        Issuer,
        new DateOnly(2026, 11, 24),
        [
            new ReportSection("basics", "基本情况",
                [
                    "我局召开评议会12场次，发放测评表50份，收回48份，参与评议人员达1,230人次。",
                    $"有人在意见中写下{Hostile}和{Formula}，原样照录。",
                    $"含非法字符的文字：{Invalid}。",
                ],
                [
                    new ReportTable("评议会按类别统计", "评议会", ["类别", "场次", "发放", "收回"],
                        [["党员大会", "3", "150", "148"], ["群众座谈会", "9", "1,080", "1,002"]],
                        NumericColumns: [1, 2, 3]),
                ],
                []),
            new ReportSection("satisfaction", "满意度情况",
                ["最高满意率98%，最低满意率93%，平均满意率95.5%。"],
                [
                    new ReportTable("各单位满意率", "各单位满意率", ["单位", "测评票", "满意率", "95%区间"],
                        [.. Enumerable.Range(1, unitRows).Select(i => (IReadOnlyList<string>)[$"第{i}党支部", (40 + i).ToString(), i % 7 == 0 ? "—（少于5份）" : $"{90 + i % 10}.5%", "88.1%–97.2%"])],
                        Note: "测评票少于5份的单位不显示满意率。",
                        NumericColumns: [1, 2]),
                    new ReportTable(Hostile, $"[a]:b*c?d/e\\f{Formula}超长超长超长超长超长超长", ["意见", Formula, "数"],
                        [[Hostile, Formula, "-3"], [Invalid, "+1", "@SUM(A1)"]],
                        Note: Hostile,
                        NumericColumns: [2]),
                ],
                [
                    new ReportChart("各单位满意率", "%",
                        [new ChartBar("内科党支部", 98, 95.1, 99.4), new ChartBar("外科党支部", 93, 89.0, 95.8), new ChartBar(Hostile, 95.5)]),
                ]),
            new ReportSection("problems", "查找问题和整改情况",
                ["查找问题4条，整改措施4条，按期完成3条。"],
                [],
                [new ReportChart("意见按类别", "条", [new ChartBar("服务态度", 12), new ChartBar("就医流程", 7), new ChartBar("收费", 3)])]),
        ],
        [
            new FigureSource("发放测评表", "50份", "/Meetings/Counts?campaignId=1"),
            new FigureSource("最高满意率", "98%", "/Results?campaignId=1"),
            new FigureSource(Hostile, Formula, "/Problems"),
        ]);

    public static ReportDocument Sparse() => new(
        "空白总结",
        Issuer,
        new DateOnly(2026, 1, 5),
        [new ReportSection("basics", "基本情况", ["本年度未开展评议。"], [], [])],
        []);
}
