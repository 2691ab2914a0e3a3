namespace Pingyi.Domain.Ballots;

/// <summary>
/// 评议进度: how many raters have answered against the plan. These are counts of participation,
/// not results, so the minimum group size k does not hide them; no satisfaction figure belongs here.
/// <list type="bullet">
/// <item><b>Raters of a group</b> (已评议): a rater leaves one ballot per assignment of their group,
/// stored together, so the number of raters is the number of ballots of any one of the group's
/// assignments. The largest count over the assignments is taken, which is that same number while
/// the rule holds and never undercounts if it did not. A group without assignments has none.</item>
/// <item><b>参评率 (response rate)</b> = raters ÷ 名额 (the group's planned count), in percent
/// with one decimal, rounded half away from zero (7 of 10 → 70.0%, 2 of 3 → 66.7%). It may pass
/// 100% when more codes were issued than planned; the page then says 超出名额 and the bar stops full.</item>
/// <item><b>Ballots covering a subject</b> per group: the ballots whose assignment includes the
/// subject, summed over that group's assignments (the plan lets a group rate a subject in one
/// assignment only, so the sum has one term; a subject in two groups' assignments counts in each).</item>
/// </list>
/// </summary>
public static class Progress
{
    public const string OverPlanNote = "超出名额";

    /// <summary>The number of raters of a group from its ballots per assignment.</summary>
    public static int Raters(IEnumerable<int> ballotsPerAssignment) => ballotsPerAssignment.DefaultIfEmpty(0).Max();

    /// <summary>参评率 in percent, one decimal; null when nothing is planned.</summary>
    public static decimal? RatePercent(int raters, int planned) =>
        planned <= 0 ? null : Math.Round(100m * raters / planned, 1, MidpointRounding.AwayFromZero);

    /// <summary>The rate as shown: "70.0%", or "—" when nothing is planned.</summary>
    public static string FormatRate(decimal? percent) =>
        percent is { } p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static bool IsOverPlan(int raters, int planned) => raters > planned;

    /// <summary>The value of a progress bar whose maximum is the plan: it stops full when the plan is exceeded.</summary>
    public static int BarValue(int raters, int planned) => Math.Clamp(raters, 0, Math.Max(planned, 0));

    /// <summary>One subject covered by one assignment of a rater group.</summary>
    public readonly record struct Coverage(int AssignmentId, int RaterGroupId, int SubjectId);

    /// <summary>
    /// Ballots covering each (subject, rater group): for every assignment that includes the subject,
    /// that assignment's ballots. Pairs no assignment covers are absent, so a page can tell
    /// "not rated by this group" from "no ballots yet".
    /// </summary>
    public static Dictionary<(int SubjectId, int RaterGroupId), int> BallotsPerSubject(
        IEnumerable<Coverage> coverage, IReadOnlyDictionary<int, int> ballotsPerAssignment)
    {
        var counts = new Dictionary<(int, int), int>();
        foreach (var c in coverage)
        {
            var key = (c.SubjectId, c.RaterGroupId);
            counts[key] = counts.GetValueOrDefault(key) + ballotsPerAssignment.GetValueOrDefault(c.AssignmentId);
        }
        return counts;
    }
}
