using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results.Charts;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// The subtree roll-up page's content: the caller's organisations, each with the figures of the
/// subjects in its subtree (<see cref="SubtreeRollups"/>), and a chart of the upper rows.
/// </summary>
public sealed class SubtreeView(CampaignResult result, IReadOnlyList<SubtreeRollup> rows)
{
    /// <summary>Rows deeper than this are in the table only, so the chart stays readable.</summary>
    public const int ChartDepth = 1;

    public CampaignResult Result { get; } = result;

    public IReadOnlyList<SubtreeRollup> Rows { get; } = rows;

    public string SubjectName(int subjectId) => Result.Subject(subjectId)?.Subject.Name ?? "";

    /// <summary>The organisations the caller may see, as roll-up nodes.</summary>
    public static async Task<IReadOnlyList<RollupNode>> NodesAsync(OrgScope scope, CancellationToken cancellationToken) =>
        await (await scope.OrganizationsAsync()).AsNoTracking()
            .Select(o => new RollupNode(o.Id, o.Name, o.Path))
            .ToListAsync(cancellationToken);

    public ChartSvg Chart() =>
        new RateBarChart("results-tree", "各组织所辖评议对象的合计满意率",
            [.. Rows.Where(r => r.Depth <= ChartDepth).Select(r => new RateBar(
                new string('　', r.Depth) + r.Node.Name,
                r.Pooled.N > 0 ? ResultDisplay.Chart(r.Pooled) : ChartRate.Suppressed(ResultDisplay.NoAnswers),
                Math.Min(r.Depth, ChartDepth)))])
        {
            Reference = Result.Summary.Average is { } a ? new ReferenceLine(a * 100, $"平均满意率{RateFormat.Percent(a)}") : null,
            Legend = ["上级组织", "下级组织"],
        }.Render();
}
