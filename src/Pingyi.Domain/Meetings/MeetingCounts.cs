namespace Pingyi.Domain.Meetings;

/// <summary>One meeting's figures as the counts add them up.</summary>
public sealed record MeetingFigures(MeetingKind Kind, int Attendance, MeetingTally Tally);

/// <summary>
/// 评议统计 of a campaign (or of the part of it an administrator's subtree holds). Every figure is a
/// count of people or paper, not a result, so the minimum group size k does not hide it.
/// <list type="bullet">
/// <item><b>Meetings by kind</b>: the number of meetings of each kind.</item>
/// <item><b>发放 / 回收 / 有效 / 无效</b>: Σ over meetings of FormsIssued, FormsReturned, and the slips
/// counted (有效) and void (无效) — see <see cref="MeetingTally"/>.</item>
/// <item><b>Raters by channel</b> (not ballot rows: a rater leaves one ballot per assignment of their
/// group): 评议码 online = Σ over rater groups of <see cref="Ballots.Progress.Raters"/> of the group's
/// online ballots per assignment; 纸质 paper = the valid slips (one rater each); 平时扫码 standing =
/// Σ StandingChannel.BallotCount (one per submission).</item>
/// <item><b>参评人次 (participants)</b> = Σ meeting attendance + online raters + standing raters.
/// Paper raters are not added again: whoever handed in a form attended a meeting, and is in its attendance.</item>
/// </list>
/// </summary>
public sealed record MeetingCounts(
    IReadOnlyDictionary<MeetingKind, int> MeetingsByKind,
    int Meetings, int Attendance, int Issued, int Returned, int Valid, int Void,
    int? OnlineRaters, int StandingRaters)
{
    /// <summary>Paper raters: one per valid slip.</summary>
    public int PaperRaters => Valid;

    /// <summary>参评人次; the online raters count only when they are known (see <see cref="Of"/>).</summary>
    public int Participants => Attendance + (OnlineRaters ?? 0) + StandingRaters;

    /// <summary>
    /// Adds up meetings and channels. <paramref name="onlineRaters"/> is null when the viewer does not
    /// run the campaign: online ballots carry no organisation, so they cannot be given to a subtree.
    /// </summary>
    public static MeetingCounts Of(IEnumerable<MeetingFigures> meetings, int? onlineRaters, int standingRaters)
    {
        var list = meetings.ToList();
        var byKind = Enum.GetValues<MeetingKind>().ToDictionary(k => k, k => list.Count(m => m.Kind == k));
        return new MeetingCounts(byKind, list.Count, list.Sum(m => m.Attendance), list.Sum(m => m.Tally.Issued),
            list.Sum(m => m.Tally.Returned), list.Sum(m => m.Tally.Valid), list.Sum(m => m.Tally.Void), onlineRaters, standingRaters);
    }

    /// <summary>Online raters of a campaign: Σ over groups of the raters of each group (see <see cref="Ballots.Progress.Raters"/>).</summary>
    public static int RatersOf(IEnumerable<IEnumerable<int>> ballotsPerAssignmentPerGroup) =>
        ballotsPerAssignmentPerGroup.Sum(Ballots.Progress.Raters);
}

/// <summary>Rolling organisations up the tree for the counts per organisation.</summary>
public static class CountsTree
{
    /// <summary>
    /// The row an organisation's figures go to when the view's top is <paramref name="rootPath"/>:
    /// the top itself for its own meetings, else the child of the top whose subtree holds it; null
    /// when the organisation lies outside the top's subtree.
    /// </summary>
    public static int? RowOf(string rootPath, string path)
    {
        if (!Organizations.OrganizationTree.IsWithin(path, rootPath))
        {
            return null;
        }
        var ids = Organizations.OrganizationTree.IdsOf(path);
        var depth = Organizations.OrganizationTree.DepthOf(rootPath);
        // DepthOf("/1/") is 1: the top's own id is ids[depth - 1], its child's ids[depth].
        return ids.Count > depth ? ids[depth] : ids[depth - 1];
    }
}
