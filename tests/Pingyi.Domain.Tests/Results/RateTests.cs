using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

public class RateTests
{
    [Theory]
    // Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (Wilson score).
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_interval_matches_published_values(long x, long n, double low, double high)
    {
        var i = Wilson.Interval(x, n);
        Assert.Equal(low, Math.Round(i.Low, 4));
        Assert.Equal(high, Math.Round(i.High, 4));
    }

    [Fact]
    public void Wilson_interval_is_exact_at_zero_and_all()
    {
        Assert.Equal(0, Wilson.Interval(0, 20).Low);
        Assert.Equal(1, Wilson.Interval(20, 20).High);
        // Hand-checked: 20/20 is the mirror of 0/20.
        Assert.Equal(0.8389, Math.Round(Wilson.Interval(20, 20).Low, 4));
    }

    [Theory]
    [InlineData(191, 200, "95.5%")]
    [InlineData(49, 50, "98.0%")]
    [InlineData(1, 3, "33.3%")]
    [InlineData(2, 3, "66.7%")]
    [InlineData(1, 8, "12.5%")] // 12.5 exactly: already one decimal
    [InlineData(1, 16, "6.3%")] // 6.25 → half away from zero → 6.3
    [InlineData(3, 16, "18.8%")] // 18.75 → 18.8
    [InlineData(0, 7, "0.0%")]
    [InlineData(7, 7, "100.0%")]
    public void Percent_prints_one_decimal_half_away_from_zero(long x, long n, string expected) =>
        Assert.Equal(expected, RateFormat.Percent(new Rate(x, n)));

    [Fact]
    public void Percent_of_fractions_rounds_half_away_from_zero_despite_binary_fractions()
    {
        Assert.Equal("95.5%", RateFormat.Percent((0.98 + 0.93) / 2));
        Assert.Equal("0.1%", RateFormat.Percent(0.0005));
        Assert.Equal("—", RateFormat.Percent((double?)null));
        Assert.Equal("—", new Rate(0, 0).ToString());
    }

    [Fact]
    public void Interval_prints_with_an_en_dash()
    {
        // 280/293 (95.6%): Wilson 92.6%–97.4%, hand-checked: centre (280 + 1.9208) ÷ 296.8415 = 0.94974, half width 0.02416.
        Assert.Equal("92.6%–97.4%", RateFormat.Interval(new Rate(280, 293).Interval));
        Assert.Equal("满意率95.6%（95%区间92.6%–97.4%）", RateFormat.WithInterval("满意率", new Rate(280, 293)));
        Assert.Equal("—", RateFormat.Interval(null));
    }
}
