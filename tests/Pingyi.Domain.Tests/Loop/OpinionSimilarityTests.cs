using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Tests.Loop;

public class OpinionSimilarityTests
{
    private static readonly (int Id, string Text)[] Opinions =
    [
        (1, "挂号排队时间太长"),
        (2, "挂号排队的时间太长了！"),
        (3, "门诊挂号要排很久的队"),
        (4, "停车位太少，停车难"),
        (5, "医院停车难，车位太少"),
        (6, "护士服务态度很好，值得表扬"),
        (7, "收费项目不透明，希望公示收费标准"),
        (8, "希望公示收费标准，收费项目不透明"),
        (9, "食堂饭菜价格偏高"),
    ];

    [Fact]
    public void Near_duplicates_are_suggested_and_unrelated_opinions_are_not()
    {
        var pairs = OpinionSimilarity.Suggest(Opinions).Select(p => (p.FirstId, p.SecondId)).ToList();
        Assert.Contains((1, 2), pairs);
        Assert.Contains((4, 5), pairs);
        Assert.Contains((7, 8), pairs);
        // Every suggestion is one of the three real duplicates: nothing about nurses or the canteen is paired.
        Assert.All(pairs, p => Assert.Contains(p, new[] { (1, 2), (4, 5), (7, 8) }));
    }

    [Fact]
    public void Similarity_ignores_punctuation_width_and_case_and_is_ordered_best_first()
    {
        Assert.Equal(1.0, OpinionSimilarity.Similarity("ＣＴ检查预约太慢！", "ct检查预约太慢"));
        Assert.Equal(0.0, OpinionSimilarity.Similarity("", "挂号难"));
        var pairs = OpinionSimilarity.Suggest(Opinions);
        Assert.Equal(pairs.OrderByDescending(p => p.Similarity).Select(p => p.Similarity), pairs.Select(p => p.Similarity));
        Assert.All(pairs, p => Assert.InRange(p.Similarity, OpinionSimilarity.DefaultThreshold, 1.0));
    }
}
