using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

public class SubtreeRollupsTests
{
    // Bureau 1 ─ unit 2 ─ branch 3; bureau 1 ─ unit 4. Subjects: 10 = unit 2, 20 = branch 3,
    // 30 = a member of branch 3; 40 and 50 = unit 4 and its second subject, with 3 and 4 ballots: both
    // hidden (k = 5), and together enough (2 cells, 7 ballots) that no shown cell must be hidden beside them.
    private static readonly RollupNode[] Nodes =
    [
        new(1, "卫生局", "/1/"),
        new(2, "甲医院", "/1/2/"),
        new(3, "甲医院第一党支部", "/1/2/3/"),
        new(4, "乙卫生院", "/1/4/"),
        new(5, "空科室", "/1/5/"),
    ];

    private static CampaignResult Result() => CampaignResults.Compute(new ResultBuilder().Group(1, 100)
        .Subject(10, organizationId: 2).Subject(20, organizationId: 3).Subject(30, memberId: 300, parent: 3)
        .Subject(40, organizationId: 4).Subject(50, memberId: 500, parent: 4)
        .Cell(10, 1, satisfied: 49, unsatisfied: 1)
        .Cell(20, 1, satisfied: 93, unsatisfied: 7)
        .Cell(30, 1, satisfied: 8, unsatisfied: 2)
        .Cell(40, 1, satisfied: 2, unsatisfied: 1)
        .Cell(50, 1, satisfied: 3, unsatisfied: 1)
        .Build());

    [Fact]
    public void Each_node_averages_and_pools_the_subjects_of_its_subtree()
    {
        var rows = SubtreeRollups.Compute(Result(), Nodes).ToDictionary(r => r.Node.OrganizationId);

        // Unit 2: 98% (49/50), 93% (93/100), 80% (8/10) → average 90.33…%, pooled 150/160 = 93.75%.
        var unit = rows[2];
        Assert.Equal((3, 3), (unit.Subjects, unit.SubjectsShown));
        Assert.Equal((0.98 + 0.93 + 0.8) / 3, unit.Average!.Value, 12);
        Assert.Equal(new Rate(150, 160), unit.Pooled);
        Assert.Equal((10, 30), (unit.Highest!.SubjectId, unit.Lowest!.SubjectId));
        Assert.Equal([10], unit.DirectSubjectIds);
        Assert.Equal(1, unit.Depth);

        var branch = rows[3];
        Assert.Equal(new Rate(101, 110), branch.Pooled);
        Assert.Equal([20, 30], branch.DirectSubjectIds.Order());
        Assert.Equal(2, branch.Depth);
        Assert.False(rows.ContainsKey(5));
        Assert.Equal([1, 2, 3, 4], SubtreeRollups.Compute(Result(), Nodes).Select(r => r.Node.OrganizationId));
    }

    [Fact]
    public void A_hidden_subject_counts_as_a_subject_but_adds_nothing_to_any_figure()
    {
        var rows = SubtreeRollups.Compute(Result(), Nodes).ToDictionary(r => r.Node.OrganizationId);

        // Unit 4's subjects are hidden: its row shows no figure, and the bureau's pooled rate is the
        // shown subjects' answers only, so bureau − unit 2 does not recover them.
        var hidden = rows[4];
        Assert.Equal((2, 0), (hidden.Subjects, hidden.SubjectsShown));
        Assert.Null(hidden.Average);
        Assert.Equal(Rate.Empty, hidden.Pooled);
        Assert.Null(hidden.Highest);
        var bureau = rows[1];
        Assert.Equal((5, 3), (bureau.Subjects, bureau.SubjectsShown));
        Assert.Equal([40, 50], hidden.DirectSubjectIds.Order());
        Assert.Equal(rows[2].Pooled, bureau.Pooled);
        Assert.Equal(0, bureau.Depth);
    }

    [Fact]
    public void A_subtree_view_starts_its_depth_at_its_own_top_and_ignores_subjects_outside_the_nodes_given()
    {
        var rows = SubtreeRollups.Compute(Result(), [Nodes[1], Nodes[2]]);

        Assert.Equal([2, 3], rows.Select(r => r.Node.OrganizationId));
        Assert.Equal([0, 1], rows.Select(r => r.Depth));
        Assert.Equal(3, rows[0].Subjects);
    }
}
