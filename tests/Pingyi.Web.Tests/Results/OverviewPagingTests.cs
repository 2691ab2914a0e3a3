using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Tests.Results;

/// <summary>The overview's subject table comes a page at a time, every subject on exactly one page.</summary>
public sealed class OverviewPagingTests
{
    private static CampaignOverview Overview(int subjects)
    {
        var input = new ResultInput(1, 5, new ResultSettings(), [new GroupInfo(1, "患者", 100, 10, false, 1)],
            [.. Enumerable.Range(1, subjects).Select(i => new SubjectInfo(i, $"科室{i:D3}", i, null, null))], [], [], [], 0);
        return new CampaignOverview(input, CampaignResults.Compute(input, null));
    }

    [Fact]
    public void Rows_are_split_into_pages_of_a_hundred_and_out_of_range_pages_are_clamped()
    {
        var overview = Overview(250);
        Assert.Equal(3, overview.PageCount);
        var pages = Enumerable.Range(1, 3).Select(overview.PageOf).ToList();
        Assert.Equal([100, 100, 50], pages.Select(p => p.Count));
        Assert.Equal(250, pages.SelectMany(p => p).Select(r => r.Result.Subject.Id).Distinct().Count());
        Assert.Equal(overview.Subjects.Take(100), pages[0]);
        Assert.Equal(pages[2], overview.PageOf(99));
        Assert.Equal(pages[0], overview.PageOf(-3));
    }

    [Fact]
    public void A_small_campaign_is_one_page()
    {
        var overview = Overview(7);
        Assert.Equal(1, overview.PageCount);
        Assert.Equal(7, overview.PageOf(1).Count);
        Assert.Equal(1, Overview(0).PageCount);
    }
}
