using System.Globalization;
using Pingyi.Domain.Reports;

namespace Pingyi.Web.Features.Reports;

/// <summary>
/// Where each figure of a report can be checked: the page of the web app that shows it. A figure
/// a year report adds up over campaigns is listed once per campaign page.
/// </summary>
public static class SummarySources
{
    private static readonly string[] MeetingFigures = ["评议会场次", "座谈会场次", "个别访谈次数", "走访次数", "会议总场次", "发放测评表", "回收测评表", "有效测评表", "参评人次"];
    private static readonly string[] ResultFigures = ["测评票张数", "参评对象数", "最高满意率", "最高满意率对象", "最低满意率", "最低满意率对象", "平均满意率", "合计满意率"];
    private static readonly string[] GradeFigures = ["优秀人数", "合格人数", "基本合格人数", "不合格人数"];
    private static readonly string[] OpinionFigures = ["意见建议条数", "意见类别分布", "意见来源分布"];
    private static readonly string[] LoopFigures = ["查找问题条数", "整改措施条数", "已验收措施条数", "逾期措施条数", "按期完成率", "答复率", "整改满意率"];
    private static readonly string[] FlagFigures = ["软弱涣散组织数", "先进典型组织数"];

    public static IReadOnlyList<FigureSource> Of(SummaryFigures f, IReadOnlyDictionary<string, string> values)
    {
        var s = f.Scope;
        var org = s.OrganizationId is { } o ? I(o) : null;
        var campaignPages = f.Campaigns.Select(c => c.Id).ToList();
        var sources = new List<FigureSource>();
        void Add(IEnumerable<string> figures, IEnumerable<string> pages)
        {
            var list = pages.ToList();
            sources.AddRange(figures.SelectMany(name => list.Select(page => new FigureSource(name, values[name], page))));
        }

        Add(MeetingFigures, [s.CampaignId is { } c ? $"/Meetings/Counts/{I(c)}" : "/Meetings/Counts"]);
        Add(ResultFigures, campaignPages.Select(id => $"/Results/{I(id)}"));
        Add(GradeFigures, campaignPages.Select(id => $"/Grades/{I(id)}"));
        Add(OpinionFigures, [Query("/Opinions", ("campaignId", s.CampaignId is { } oc ? I(oc) : null), ("organizationId", org))]);
        Add(LoopFigures, [Query("/Oversight/Figures", ("organizationId", org),
            ("campaignId", s.CampaignId is { } lc ? I(lc) : null), ("year", s.IsYear ? I(s.Year) : null))]);
        Add(FlagFigures, campaignPages.Select(id => $"/Flags/{I(id)}"));
        Add(["限期改正方案数"], ["/Corrections"]);
        Add(["先进事迹数"], ["/Models"]);
        return sources;
    }

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={p.Value}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join("&", given)}";
    }
}
