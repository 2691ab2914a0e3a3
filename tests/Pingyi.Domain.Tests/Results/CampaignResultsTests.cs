using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

public class CampaignResultsTests
{
    [Fact]
    public void Seed_hospital_case_gives_highest_98_lowest_93_average_95_5_and_the_pooled_rate_beside()
    {
        // The 卫生院 summary: two subjects; 49 of 50 satisfied (98%) and 93 of 100 (93%).
        // Average = (98 + 93) ÷ 2 = 95.5%; pooled over all ballots = 142 ÷ 150 = 94.67% → 94.7%.
        var input = new ResultBuilder().Group(1, 100).Subject(10).Subject(20)
            .Cell(10, 1, satisfied: 40, basic: 9, unsatisfied: 1)
            .Cell(20, 1, satisfied: 80, basic: 13, unsatisfied: 7)
            .Build();

        var r = CampaignResults.Compute(input);

        Assert.Equal(2, r.Summary.Subjects);
        Assert.Equal(2, r.Summary.SubjectsShown);
        Assert.Equal(10, r.Summary.Highest!.SubjectId);
        Assert.Equal("98.0%", r.Summary.Highest.Rate.ToString());
        Assert.Equal(20, r.Summary.Lowest!.SubjectId);
        Assert.Equal("93.0%", r.Summary.Lowest.Rate.ToString());
        Assert.Equal("95.5%", RateFormat.Percent(r.Summary.Average));
        Assert.Equal(new Rate(142, 150), r.Summary.Pooled.Rate);
        Assert.Equal("94.7%", r.Summary.Pooled.Rate.ToString());
        Assert.Equal(150, r.Summary.Pooled.Figures!.Ballots);
    }
}
