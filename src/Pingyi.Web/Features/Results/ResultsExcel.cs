using System.Data;
using MiniExcelLibs;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;
using Pingyi.Web.Importing;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// The statistics workbook of a campaign as the caller may see it: sheets 汇总, 评议对象, 分项,
/// 评议人类别 and 方向, written only from <see cref="ResultBlock"/>s, so a hidden figure becomes
/// "—（少于k份）" or "—（防推算）" text and never a number. Rates are numbers in percent with one
/// decimal (as the pages print them); every text cell goes through <see cref="CellSafety"/>.
/// </summary>
public static class ResultsExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] SheetNames = ["汇总", "评议对象", "分项", "评议人类别", "方向"];

    public static byte[] Bytes(CampaignResult result, string campaignName)
    {
        var k = result.K;
        var names = result.Groups.ToDictionary(g => g.Id, g => g.Name);
        var sheets = new Dictionary<string, object>
        {
            [SheetNames[0]] = SummarySheet(result, campaignName),
            [SheetNames[1]] = SubjectSheet(result),
            [SheetNames[2]] = Sheet(["评议对象", "分项", "题型", "有效回答", "满意率(%)", "严格满意率(%)", "95%区间", "平均分", "分布"],
                result.Subjects.SelectMany(s => s.Overall.IsShown
                    ? s.Overall.Figures!.Items.Select(i => ItemRow(s.Subject.Name, i))
                    : [[Text(s.Subject.Name), null, null, Hidden(s.Overall.Reason, k), Hidden(s.Overall.Reason, k), null, null, null, null]])),
            [SheetNames[3]] = Sheet(["评议对象", "评议人类别", "方向", "低可信", "测评票", "满意率(%)", "严格满意率(%)", "95%区间"],
                result.Subjects.SelectMany(s => s.Cells.Select(c => BlockRow(
                    [Text(s.Subject.Name), Text(names[c.RaterGroupId]), CampaignLabels.Of(c.Direction), c.IsLowerTrust ? CampaignResult.LowerTrustLabel : ""],
                    c.Block, k)))),
            [SheetNames[4]] = Sheet(["评议对象", "方向", "测评票", "满意率(%)", "严格满意率(%)", "95%区间"],
                result.Subjects.SelectMany(s => s.Directions.Select(d => BlockRow([Text(s.Subject.Name), CampaignLabels.Of(d.Direction)], d.Block, k)))),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    public static string FileName(int campaignId) => $"评议结果-活动{campaignId}.xlsx";

    /// <summary>Text for a hidden figure: "—（少于5份）" or "—（防推算）".</summary>
    public static string Hidden(SuppressionReason reason, int k) => $"{RateFormat.None}（{SuppressionLabels.Of(reason, k)}）";

    /// <summary>Builds a sheet whose header row exists even without data rows.</summary>
    public static DataTable Sheet(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        var table = new DataTable();
        foreach (var column in columns)
        {
            table.Columns.Add(CellSafety.Neutralize(column), typeof(object));
        }
        foreach (var row in rows)
        {
            table.Rows.Add([.. row.Select(v => v ?? DBNull.Value)]);
        }
        return table;
    }

    /// <summary>Every text that reaches a cell passes here: names and labels come from users.</summary>
    public static string Text(string value) => CellSafety.Neutralize(value);

    private static DataTable SummarySheet(CampaignResult result, string campaignName)
    {
        var k = result.K;
        var rows = new List<object?[]> { SummaryRow("全部评议对象（不含低可信类别）", result.Summary, k) };
        rows.AddRange(result.GroupColumns.Select(c => SummaryRow(
            $"评议人类别：{c.Group.Name}{(c.Group.IsLowerTrust ? $"（{CampaignResult.LowerTrustLabel}）" : "")}", c.Summary, k)));
        rows.AddRange(result.Directions.Select(d => SummaryRow($"方向：{CampaignLabels.Of(d.Direction)}", d.Summary, k)));
        rows.Add([]);
        rows.Add([Text($"评议活动：{campaignName}")]);
        rows.Add([$"最少份数k = {k}：少于k份的（评议对象，评议人类别）格不显示结果，可由合计推算出隐藏结果的格和合计也不显示。"]);
        rows.Add([$"已剔除的测评票：{result.ExcludedBallots}份，不计入任何结果。"]);
        rows.Add(["满意率 =（满意 + 基本满意，五级另加非常满意）÷ 有效回答；平均满意率为各评议对象满意率的简单平均，合计满意率为全部回答合在一起的满意率。"]);
        return Sheet(["范围", "评议对象数", "显示满意率的对象数", "最高满意率(%)", "最高的评议对象", "最低满意率(%)", "最低的评议对象",
            "平均满意率(%)", "合计满意率(%)", "合计95%区间", "合计测评票"], rows.Select(r => Pad(r, 11)));
    }

    private static object?[] SummaryRow(string label, Summary s, int k)
    {
        object? pooled = s.Pooled.IsShown ? RateCell(s.Pooled.Figures!.Rate) : Hidden(s.Pooled.Reason, k);
        object? interval = s.Pooled.IsShown ? RateFormat.Interval(s.Pooled.Figures!.Rate.Interval) : Hidden(s.Pooled.Reason, k);
        object? ballots = s.Pooled.IsShown ? s.Pooled.Figures!.Ballots : Hidden(s.Pooled.Reason, k);
        return
        [
            Text(label), s.Subjects, s.SubjectsShown,
            s.Highest is { } h ? RateCell(h.Rate) : RateFormat.None, s.Highest is { } hn ? Text(hn.Name) : null,
            s.Lowest is { } l ? RateCell(l.Rate) : RateFormat.None, s.Lowest is { } ln ? Text(ln.Name) : null,
            s.Average is { } a ? Api.ResultsApiMapping.Percent(a) : RateFormat.None,
            pooled, interval, ballots,
        ];
    }

    private static DataTable SubjectSheet(CampaignResult result)
    {
        var k = result.K;
        var ranks = result.Ranking.ToDictionary(r => r.SubjectId);
        return Sheet(["名次", "名次范围", "评议对象", "测评票", "满意率(%)", "严格满意率(%)", "95%区间", "加权综合满意率(%)"],
            result.Subjects.Select<SubjectResult, object?[]>(s =>
            {
                var rank = ranks.GetValueOrDefault(s.Subject.Id);
                object?[] head = [rank?.Position, rank?.Label, Text(s.Subject.Name)];
                var row = BlockRow(head, s.Overall, k);
                return [.. row, s.Composite.Value is { } c ? Api.ResultsApiMapping.Percent(c) : RateFormat.None];
            }));
    }

    /// <summary>The head cells, then ballots, rate, strict rate and interval, or the reason in each when hidden.</summary>
    private static object?[] BlockRow(object?[] head, ResultBlock block, int k)
    {
        if (!block.IsShown)
        {
            var hidden = Hidden(block.Reason, k);
            return [.. head, hidden, hidden, hidden, hidden];
        }
        var f = block.Figures!;
        return [.. head, f.Ballots, RateCell(f.Rate), RateCell(f.Strict), RateFormat.Interval(f.Rate.Interval)];
    }

    private static object?[] ItemRow(string subject, ItemFigures i)
    {
        var isGrade = i.Item.Kind == ItemKind.Grade;
        long answers = i.Item.Kind switch
        {
            ItemKind.Grade => i.Rate.N,
            ItemKind.Score => i.Score?.N ?? 0,
            ItemKind.Text => i.Opinions,
            _ => i.Options.Sum(o => o.Count),
        };
        var distribution = i.Item.Kind switch
        {
            ItemKind.Grade => string.Join("；", i.Levels.Select(l => $"{l.Label}{l.Count}")),
            ItemKind.SingleChoice or ItemKind.MultipleChoice => string.Join("；", i.Options.Select(o => $"{o.Label}{o.Count}")),
            _ => "",
        };
        return
        [
            Text(subject), Text(i.Item.Text), KindName(i.Item.Kind), answers,
            isGrade ? RateCell(i.Rate) : null, isGrade ? RateCell(i.Strict) : null, isGrade ? RateFormat.Interval(i.Rate.Interval) : null,
            i.Score?.Mean is { } mean ? Math.Round(mean, 2, MidpointRounding.AwayFromZero) : null,
            Text(distribution),
        ];
    }

    private static object RateCell(Rate rate) => rate.N > 0 ? Api.ResultsApiMapping.Percent(rate) : RateFormat.None;

    private static string KindName(ItemKind kind) => kind switch
    {
        ItemKind.Grade => "等级",
        ItemKind.Score => "评分",
        ItemKind.SingleChoice => "单选",
        ItemKind.MultipleChoice => "多选",
        _ => "意见",
    };

    private static object?[] Pad(object?[] row, int length) => row.Length >= length ? row : [.. row, .. new object?[length - row.Length]];
}
