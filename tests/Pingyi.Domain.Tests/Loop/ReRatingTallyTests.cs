using Pingyi.Domain.Loop;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Loop;

public class ReRatingTallyTests
{
    [Fact]
    public void Counts_each_rating_and_the_rate_over_rated_ones_only()
    {
        var tally = ReRatingTally.Of([ReRating.Satisfied, ReRating.Satisfied, ReRating.BasicallySatisfied, ReRating.Unsatisfied, null, null]);
        Assert.Equal(new ReRatingTally(2, 1, 1, 2), tally);
        Assert.Equal(4, tally.Rated);
        Assert.Equal(new Rate(3, 4), tally.Rate);
        Assert.Equal("75.0%", tally.Rate.ToString());
    }

    [Fact]
    public void Without_ratings_the_rate_is_a_dash()
    {
        var tally = ReRatingTally.Of([null]);
        Assert.Equal(0, tally.Rated);
        Assert.Equal(1, tally.Unrated);
        Assert.Equal("—", tally.Rate.ToString());
    }
}
