using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

public class RankingsTests
{
    [Fact]
    public void Subjects_are_ordered_and_given_the_ranks_their_intervals_allow()
    {
        // 10: 98/100 [93.0, 99.4]; 20: 90/100 [82.6, 94.5]; 30: 60/100 [50.2, 69.1]; 40: 45/50 [78.6, 95.7].
        // 10, 20 and 40 overlap each other, all three lie wholly above 30.
        var input = new ResultBuilder().Group(1, 100).Subject(10).Subject(20).Subject(30).Subject(40)
            .Cell(10, 1, satisfied: 98, unsatisfied: 2)
            .Cell(20, 1, satisfied: 90, unsatisfied: 10)
            .Cell(30, 1, satisfied: 60, unsatisfied: 40)
            .Cell(40, 1, satisfied: 45, unsatisfied: 5)
            .Build();

        var ranking = CampaignResults.Compute(input).Ranking;

        // 20 before 40 at the same 90%: more answers first.
        Assert.Equal([10, 20, 40, 30], ranking.Select(r => r.SubjectId));
        Assert.Equal([1, 2, 3, 4], ranking.Select(r => r.Position));
        Assert.Equal(["第1–3名", "第1–3名", "第1–3名", "第4名"], ranking.Select(r => r.Label));
        Assert.True(ranking[3].IsExact);
    }

    [Fact]
    public void Well_separated_subjects_get_exact_ranks_and_suppressed_ones_none()
    {
        // 30 has 2 ballots (hidden) and 25, the smallest other cell, is hidden with it to protect the group total.
        var input = new ResultBuilder().Group(1, 100).Subject(10).Subject(20).Subject(25).Subject(30)
            .Cell(10, 1, satisfied: 195, unsatisfied: 5)
            .Cell(20, 1, satisfied: 100, unsatisfied: 100)
            .Cell(25, 1, satisfied: 6, unsatisfied: 4)
            .Cell(30, 1, satisfied: 2)
            .Build();

        var ranking = CampaignResults.Compute(input).Ranking;

        Assert.Equal([10, 20], ranking.Select(r => r.SubjectId));
        Assert.Equal(["第1名", "第2名"], ranking.Select(r => r.Label));
    }
}
