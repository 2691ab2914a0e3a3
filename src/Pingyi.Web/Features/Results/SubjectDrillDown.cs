using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results.Charts;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// One subject's figures per item, per rater group and per direction, with their charts. Every
/// figure comes from a <see cref="ResultBlock"/> of the caller's suppressed <see cref="CampaignResult"/>.
/// </summary>
public sealed class SubjectDrillDown(CampaignResult result, SubjectResult subject)
{
    public CampaignResult Result { get; } = result;

    public SubjectResult Subject { get; } = subject;

    public int K => Result.K;

    /// <summary>The grade items answered in any shown block of the subject, in form order.</summary>
    public IReadOnlyList<ItemInfo> GradeItems { get; } = [.. result.Items.Where(i => i.Kind == ItemKind.Grade
        && subject.Cells.Select(c => c.Block).Append(subject.Overall).Any(b => b.Figures?.Item(i.Id) is not null))];

    public GroupInfo Group(int id) => Result.Groups.First(g => g.Id == id);

    /// <summary>The group's name, marked when its cell stays out of the subject's totals.</summary>
    public string GroupLabel(CellResult cell) =>
        cell.IsLowerTrust ? $"{Group(cell.RaterGroupId).Name}（{CampaignResult.LowerTrustLabel}）" : Group(cell.RaterGroupId).Name;

    /// <summary>A grade item's rate within a block: the hidden note, the rate, or "—" where it was not answered.</summary>
    public string ItemRate(ResultBlock block, int itemId) =>
        ResultDisplay.Hidden(block, K) ?? ResultDisplay.Rate(block.Figures!.Item(itemId) is { Rate.N: > 0 } f ? f.Rate : null);

    public ChartSvg GroupChart()
    {
        var lowerTrust = Subject.Cells.Any(c => c.IsLowerTrust);
        return new RateBarChart("subject-groups", $"{Subject.Subject.Name}：各类评议人满意率",
            [.. Subject.Cells.Select(c => new RateBar(GroupLabel(c), ResultDisplay.Chart(c.Block, K), c.IsLowerTrust ? 1 : 0))])
        {
            Reference = Subject.Overall.Rate is { } r ? new ReferenceLine(r.Value!.Value * 100, $"本对象合计{r}") : null,
            Legend = lowerTrust ? ["计入结果", $"{CampaignResult.LowerTrustLabel}（不计入合计）"] : [],
        }.Render();
    }

    public ChartSvg DirectionChart() =>
        new RateBarChart("subject-directions", $"{Subject.Subject.Name}：各评议方向满意率",
            [.. Subject.Directions.Select(d => new RateBar(CampaignLabels.Of(d.Direction), ResultDisplay.Chart(d.Block, K)))]).Render();

    /// <summary>Grade items as categories; the subject's total first, then each rater group.</summary>
    public ChartSvg ItemChart()
    {
        var blocks = Subject.Cells.Select(c => (Name: GroupLabel(c), c.Block)).Prepend((Name: "合计", Block: Subject.Overall)).ToList();
        return new GroupedBarChart("subject-items", $"{Subject.Subject.Name}：各评议项目满意率",
            [.. blocks.Select(b => b.Name)],
            [.. GradeItems.Select(i => new BarGroup(i.Text, [.. blocks.Select(b => ItemChartRate(b.Block, i.Id))]))]).Render();
    }

    private ChartRate? ItemChartRate(ResultBlock block, int itemId)
    {
        if (!block.IsShown)
        {
            return ResultDisplay.Chart(block, K);
        }
        return block.Figures!.Item(itemId) is { Rate.N: > 0 } f ? ResultDisplay.Chart(f.Rate) : null;
    }
}
