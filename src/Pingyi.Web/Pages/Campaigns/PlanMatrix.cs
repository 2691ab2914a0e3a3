using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Pages.Campaigns;

/// <summary>
/// The plan at a glance: rater groups × subjects, each cell the assignments in which that group
/// rates that subject. With many subjects the matrix is transposed (subjects as rows), so a
/// bureau-wide campaign stays readable without scrolling sideways through dozens of columns.
/// </summary>
public sealed class PlanMatrix(Campaign campaign)
{
    /// <summary>Beyond this many subjects they become the rows.</summary>
    public const int MaxSubjectColumns = 8;

    private const int ShortTitleLength = 12;

    public List<RaterGroup> Groups { get; } = campaign.RaterGroups.OrderBy(g => g.Position).ThenBy(g => g.Id).ToList();

    public List<CampaignSubject> Subjects { get; } = CampaignPlan.Ordered(campaign.Subjects);

    public bool Transposed => Subjects.Count > MaxSubjectColumns;

    public int WeightTotal => Groups.Sum(g => g.Weight);

    public IEnumerable<Assignment> Cell(RaterGroup group, CampaignSubject subject) =>
        campaign.Assignments.Where(a => a.RaterGroupId == group.Id && a.Subjects.Contains(subject)).OrderBy(a => a.Id);

    /// <summary>The form as a cell can hold it: its title cut short, and its version.</summary>
    public static string ShortForm(FormVersion? version) => version is null
        ? "（未指定测评表）"
        : (version.Title.Length > ShortTitleLength ? version.Title[..ShortTitleLength] + "…" : version.Title) + $" 第{version.Number}版";
}
