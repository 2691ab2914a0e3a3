using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

public class FlagRulesTests
{
    private static CampaignResult Campaign()
    {
        // Organisations 10: 47/60 = 78.3% [66.4%, 86.9%]; 20: 98/100 [93.0%, 99.4%]; 30: 90/100 [82.6%, 94.5%]
        // with 10 opinions; member 40: 5/10. Average over the four subjects = (78.33 + 98 + 90 + 50) ÷ 4 = 79.08%.
        var b = new ResultBuilder().Group(1, 100).Subject(10).Subject(20).Subject(30).Subject(40, memberId: 4)
            .Cell(10, 1, satisfied: 40, basic: 7, unsatisfied: 13)
            .Cell(20, 1, satisfied: 98, unsatisfied: 2)
            .Cell(30, 1, satisfied: 90, unsatisfied: 10)
            .Cell(40, 1, satisfied: 5, unsatisfied: 5)
            .Answer(30, 1, ResultBuilder.Opinion, 0, 10);
        return CampaignResults.Compute(b.Build());
    }

    [Fact]
    public void Weak_is_proposed_below_the_line_with_the_numbers_as_evidence()
    {
        var flags = FlagRules.Propose(Campaign(), ResultSettings.Default);
        var weak = flags.Single(f => f.SubjectId == 10);
        Assert.Equal(FlagKind.Weak, weak.Kind);
        Assert.Equal("满意率78.3%（95%区间66.4%–86.9%），低于80%", Assert.Single(weak.Evidence));
        Assert.Equal("软弱涣散", FlagRules.Labels[weak.Kind]);
    }

    [Fact]
    public void Weak_is_proposed_when_opinions_reach_the_threshold()
    {
        var flags = FlagRules.Propose(Campaign(), ResultSettings.Default);
        var weak = flags.Single(f => f.SubjectId == 30 && f.Kind == FlagKind.Weak);
        Assert.Equal("收到意见建议10条，达到10条", Assert.Single(weak.Evidence));
        Assert.DoesNotContain(FlagRules.Propose(Campaign(), ResultSettings.Default with { WeakOpinionsAtLeast = 11 }), f => f.SubjectId == 30 && f.Kind == FlagKind.Weak);
        // 0 switches the opinion rule off rather than flagging every organisation.
        Assert.DoesNotContain(FlagRules.Propose(Campaign(), ResultSettings.Default with { WeakOpinionsAtLeast = 0 }), f => f.SubjectId == 20 && f.Kind == FlagKind.Weak);
    }

    [Fact]
    public void Model_needs_the_interval_wholly_above_the_average_and_members_are_never_flagged()
    {
        var flags = FlagRules.Propose(Campaign(), ResultSettings.Default);
        // 20's lower end 93.0% > 79.1%; 30's lower end 82.6% > 79.1% too; 10's 66.4% is not.
        Assert.Equal([20, 30], flags.Where(f => f.Kind == FlagKind.Model).Select(f => f.SubjectId));
        Assert.Equal("满意率98.0%（95%区间93.0%–99.4%），区间下限高于本次平均满意率79.1%",
            Assert.Single(flags.Single(f => f.SubjectId == 20).Evidence));
        Assert.DoesNotContain(flags, f => f.SubjectId == 40);
    }

    [Fact]
    public void Suppressed_organisations_are_not_flagged()
    {
        var input = new ResultBuilder().Group(1, 100).Subject(10).Subject(20)
            .Cell(10, 1, satisfied: 1, unsatisfied: 3)
            .Cell(20, 1, satisfied: 9, unsatisfied: 1)
            .Build();
        Assert.Empty(FlagRules.Propose(CampaignResults.Compute(input), ResultSettings.Default));
    }

    [Fact]
    public void Year_on_year_calls_a_change_only_when_intervals_do_not_overlap()
    {
        // Now 90/100 [82.6%, 94.5%]. 2024: 60/100 [50.2%, 69.1%] → 上升. 2023: 98/100 [93.0%, 99.4%] overlaps →
        // 无显著变化. 2022: 200/200 [98.1%, 100%] → 下降. A campaign without answers is left out.
        var past = new List<PastRate>
        {
            new("2023年群众评议", 2023, new Rate(98, 100)),
            new("2024年群众评议", 2024, new Rate(60, 100)),
            new("2022年群众评议", 2022, new Rate(200, 200)),
            new("2021年群众评议", 2021, Rate.Empty),
        };
        var c = FlagRules.CompareYears(new Rate(90, 100), past);
        Assert.Equal([2024, 2023, 2022], c.Select(x => x.Past.Year));
        Assert.Equal([Trend.Up, Trend.NoSignificantChange, Trend.Down], c.Select(x => x.Trend));
        Assert.Equal("本次满意率90.0%（95%区间82.6%–94.5%），2024年“2024年群众评议”满意率60.0%（95%区间50.2%–69.1%）：上升", c[0].Evidence);
        Assert.Equal("无显著变化", FlagRules.TrendLabels[c[1].Trend]);
    }
}
