using Pingyi.Domain.Campaigns;
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

    [Fact]
    public void Composite_renormalises_weights_over_the_groups_present()
    {
        // Weights 50 / 30 / 20; the 30 group has no ballots for this subject → 50 and 20 become 5/7 and 2/7.
        // Group 1: 45/50 = 0.9; group 3: 8/10 = 0.8 → composite = 5/7 × 0.9 + 2/7 × 0.8 = 6.1/7 = 0.871428…
        var input = new ResultBuilder().Group(1, 50).Group(2, 30).Group(3, 20).Subject(10)
            .Cell(10, 1, satisfied: 45, unsatisfied: 5)
            .Cell(10, 3, satisfied: 8, unsatisfied: 2)
            .Build();

        var s = CampaignResults.Compute(input).Subject(10)!;

        Assert.Equal(2, s.Composite.Parts.Count);
        Assert.Equal(5.0 / 7, s.Composite.Parts.Single(p => p.RaterGroupId == 1).NormalisedWeight, 12);
        Assert.Equal(2.0 / 7, s.Composite.Parts.Single(p => p.RaterGroupId == 3).NormalisedWeight, 12);
        Assert.Equal(6.1 / 7, s.Composite.Value!.Value, 12);
        Assert.Equal("87.1%", RateFormat.Percent(s.Composite.Value));
        // The pooled overall rate weighs by ballots instead: 53/60 = 88.3%.
        Assert.Equal(new Rate(53, 60), s.Overall.Rate);
    }

    [Fact]
    public void Composite_leaves_out_hidden_cells_and_groups_of_weight_zero_but_pooled_rates_keep_weight_zero()
    {
        // Group 2 (3 ballots, k = 5) is hidden, so group 1 is hidden too (subtraction case) and the composite has
        // only group 3 left; group 4 weighs 0: in the pooled rate, not in the composite.
        var input = new ResultBuilder().Group(1, 40).Group(2, 30).Group(3, 30).Group(4, 0).Subject(10)
            .Cell(10, 1, satisfied: 9, unsatisfied: 1)
            .Cell(10, 2, satisfied: 1, unsatisfied: 2)
            .Cell(10, 3, satisfied: 18, unsatisfied: 2)
            .Cell(10, 4, satisfied: 5, unsatisfied: 5)
            .Build();

        var s = CampaignResults.Compute(input).Subject(10)!;

        Assert.Equal(SuppressionReason.TooFewBallots, s.Cell(2)!.Block.Reason);
        Assert.Equal(SuppressionReason.Complementary, s.Cell(1)!.Block.Reason);
        Assert.Null(s.Cell(1)!.Block.Figures);
        var part = Assert.Single(s.Composite.Parts);
        Assert.Equal(3, part.RaterGroupId);
        Assert.Equal(0.9, s.Composite.Value!.Value, 12);
        // Pooled over all four groups, weight 0 included: (9 + 1 + 18 + 5) / (10 + 3 + 20 + 10) = 33/43.
        Assert.Equal(new Rate(33, 43), s.Overall.Rate);
    }

    [Fact]
    public void Subtraction_case_through_compute_hides_a_second_cell_and_then_shows_the_total()
    {
        var input = new ResultBuilder().Group(1, 50).Group(2, 50).Subject(10)
            .Cell(10, 1, satisfied: 18, unsatisfied: 2)
            .Cell(10, 2, satisfied: 3)
            .Build();

        var r = CampaignResults.Compute(input);
        var s = r.Subject(10)!;

        Assert.False(s.Cell(2)!.Block.IsShown);
        Assert.Equal("少于5份", SuppressionLabels.Of(s.Cell(2)!.Block.Reason, r.K));
        Assert.False(s.Cell(1)!.Block.IsShown);
        Assert.Equal("防推算", SuppressionLabels.Of(s.Cell(1)!.Block.Reason, r.K));
        Assert.Equal(new Rate(21, 23), s.Overall.Rate);
        // Each group column is a single hidden cell here, so the columns are hidden themselves.
        Assert.Equal(SuppressionReason.Complementary, r.GroupColumns[0].Summary.Pooled.Reason);
        Assert.Equal(SuppressionReason.TooFewBallots, r.GroupColumns[1].Summary.Pooled.Reason);
        Assert.Equal(10, Assert.Single(r.Ranking).SubjectId);
        Assert.Null(s.Composite.Value);
    }

    [Fact]
    public void Without_a_second_cell_to_hide_the_subject_total_is_hidden()
    {
        var input = new ResultBuilder().Group(1, 100).Subject(10).Subject(20)
            .Cell(10, 1, satisfied: 4)
            .Cell(20, 1, satisfied: 9, unsatisfied: 1)
            .Build();

        var r = CampaignResults.Compute(input);

        Assert.Equal(SuppressionReason.TooFewBallots, r.Subject(10)!.Overall.Reason);
        Assert.Null(r.Subject(10)!.Overall.Rate);
        // Subject 20's cell is hidden too, or the campaign total minus it would give subject 10.
        Assert.Equal(SuppressionReason.Complementary, r.Subject(20)!.Cell(1)!.Block.Reason);
        Assert.Equal(new Rate(13, 14), r.Summary.Pooled.Rate);
        Assert.Equal(0, r.Summary.SubjectsShown);
        Assert.Null(r.Summary.Average);
        Assert.Empty(r.Ranking);
    }

    [Fact]
    public void K_below_three_is_treated_as_three_in_compute()
    {
        var input = new ResultBuilder { K = 1 }.Group(1, 100).Subject(10).Subject(20)
            .Cell(10, 1, satisfied: 2)
            .Cell(20, 1, satisfied: 3)
            .Build();

        var r = CampaignResults.Compute(input);

        Assert.Equal(3, r.K);
        Assert.Equal(SuppressionReason.TooFewBallots, r.Subject(10)!.Cell(1)!.Block.Reason);
    }

    [Fact]
    public void Strict_rate_counts_only_satisfied_and_very_satisfied_on_the_five_level_scale()
    {
        // 非常满意 10, 满意 20, 基本满意 5, 不满意 3, 非常不满意 2 (40 answers):
        // 满意率 = 35/40 = 87.5%, strict = 30/40 = 75.0%.
        var b = new ResultBuilder().Group(1, 100).Subject(10).Ballots(10, 1, 40);
        foreach (var (value, count) in new[] { (1, 10L), (2, 20L), (3, 5L), (4, 3L), (5, 2L) })
        {
            b.Answer(10, 1, ResultBuilder.Grade5, value, count);
        }

        var f = CampaignResults.Compute(b.Build()).Subject(10)!.Overall.Figures!;

        Assert.Equal("87.5%", f.Rate.ToString());
        Assert.Equal("75.0%", f.Strict.ToString());
        var item = f.Item(ResultBuilder.Grade5)!;
        Assert.Equal(["非常满意", "满意", "基本满意", "不满意", "非常不满意"], item.Levels.Select(l => l.Label));
        Assert.Equal([10L, 20, 5, 3, 2], item.Levels.Select(l => l.Count));
    }

    [Fact]
    public void Strict_rate_on_the_three_level_scale_counts_satisfied_only()
    {
        var input = new ResultBuilder().Group(1, 100).Subject(10).Cell(10, 1, satisfied: 6, basic: 3, unsatisfied: 1).Build();
        var f = CampaignResults.Compute(input).Subject(10)!.Overall.Figures!;
        Assert.Equal(new Rate(9, 10), f.Rate);
        Assert.Equal(new Rate(6, 10), f.Strict);
    }

    [Fact]
    public void Overall_rate_pools_grade_answers_of_all_grade_items_and_ignores_values_off_the_scale()
    {
        // 3-level: 8 of 10; 5-level: 4 of 5 (value 9 is not a level: not a valid answer) → pooled 12/15.
        var input = new ResultBuilder().Group(1, 100).Subject(10)
            .Cell(10, 1, satisfied: 8, unsatisfied: 2)
            .Answer(10, 1, ResultBuilder.Grade5, 3, 4).Answer(10, 1, ResultBuilder.Grade5, 5, 1).Answer(10, 1, ResultBuilder.Grade5, 9, 7)
            .Build();
        Assert.Equal(new Rate(12, 15), CampaignResults.Compute(input).Subject(10)!.Overall.Rate);
    }

    [Fact]
    public void Scores_choices_and_opinions_are_counted()
    {
        // Score out of 100 (weight 60): 80 ×3, 100 ×2 → mean 88 (88%). Score out of 10 (weight 40): 5 ×2, 10 ×2 → 7.5 (75%).
        // Weighted form score = (60 × 88 + 40 × 75) ÷ 100 = 82.8.
        // Single choice: option 1 ×5, option 3 ×2. Multiple choice masks 0b011 ×4 and 0b110 ×1 → options 4, 5, 1.
        var input = new ResultBuilder().Group(1, 100).Subject(10).Ballots(10, 1, 7)
            .Answer(10, 1, ResultBuilder.ScoreItem, 80, 3).Answer(10, 1, ResultBuilder.ScoreItem, 100, 2)
            .Answer(10, 1, ResultBuilder.ScoreItem2, 5, 2).Answer(10, 1, ResultBuilder.ScoreItem2, 10, 2)
            .Answer(10, 1, ResultBuilder.Single, 1, 5).Answer(10, 1, ResultBuilder.Single, 3, 2)
            .Answer(10, 1, ResultBuilder.Multiple, 0b011, 4).Answer(10, 1, ResultBuilder.Multiple, 0b110, 1)
            .Answer(10, 1, ResultBuilder.Opinion, 0, 3)
            .Build();

        var f = CampaignResults.Compute(input).Subject(10)!.Overall.Figures!;

        Assert.Equal(88, f.Item(ResultBuilder.ScoreItem)!.Score!.Mean);
        Assert.Equal(7.5, f.Item(ResultBuilder.ScoreItem2)!.Score!.Mean);
        Assert.Equal(82.8, f.WeightedScore!.Value, 10);
        Assert.Equal([5L, 0, 2], f.Item(ResultBuilder.Single)!.Options.Select(o => o.Count));
        Assert.Equal(["环境", "态度", "效率"], f.Item(ResultBuilder.Multiple)!.Options.Select(o => o.Label));
        Assert.Equal([4L, 5, 1], f.Item(ResultBuilder.Multiple)!.Options.Select(o => o.Count));
        Assert.Equal(3, f.Opinions);
        Assert.Equal(3, f.Item(ResultBuilder.Opinion)!.Opinions);
        Assert.Equal(Rate.Empty, f.Rate);
    }

    [Fact]
    public void Lower_trust_group_is_reported_apart_and_left_out_of_totals_composite_and_ranking()
    {
        // Group 9 is the standing QR: 10 of 30 satisfied. The subject's figures rest on group 1 only (45/50).
        var input = new ResultBuilder().Group(1, 100).Group(9, 0, lowerTrust: true).Subject(10).Subject(20)
            .Cell(10, 1, satisfied: 45, unsatisfied: 5)
            .Cell(10, 9, satisfied: 10, unsatisfied: 20)
            .Cell(20, 1, satisfied: 40, unsatisfied: 10)
            .Build();

        var r = CampaignResults.Compute(input);
        var s = r.Subject(10)!;

        Assert.Equal(new Rate(45, 50), s.Overall.Rate);
        var lower = s.Cell(9)!;
        Assert.True(lower.IsLowerTrust);
        Assert.Equal(new Rate(10, 30), lower.Block.Rate);
        Assert.DoesNotContain(s.Composite.Parts, p => p.RaterGroupId == 9);
        Assert.Equal(new Rate(85, 100), r.Summary.Pooled.Rate);
        var column = r.GroupColumns.Single(c => c.Group.Id == 9);
        Assert.True(column.Group.IsLowerTrust);
        Assert.Equal(new Rate(10, 30), column.Summary.Pooled.Rate);
        Assert.Equal("低可信", CampaignResult.LowerTrustLabel);
        Assert.Equal(new Rate(45, 50), s.Directions.Single().Block.Rate);
    }

    [Fact]
    public void A_subtree_view_covers_its_subjects_only()
    {
        // Subjects 10 and 20 are in the subtree, 30 is not: highest 10 (98%), lowest 20 (93%), average 95.5%,
        // pooled (49 + 93) / 150; subject 30 (60%) is in none of it.
        var input = new ResultBuilder().Group(1, 100).Subject(10).Subject(20).Subject(30)
            .Cell(10, 1, satisfied: 49, unsatisfied: 1)
            .Cell(20, 1, satisfied: 93, unsatisfied: 7)
            .Cell(30, 1, satisfied: 30, unsatisfied: 20)
            .Build();

        var r = CampaignResults.Compute(input, [10, 20]);

        Assert.Equal([10, 20], r.Subjects.Select(s => s.Subject.Id));
        Assert.Equal(2, r.Summary.Subjects);
        Assert.Equal(10, r.Summary.Highest!.SubjectId);
        Assert.Equal(20, r.Summary.Lowest!.SubjectId);
        Assert.Equal("95.5%", RateFormat.Percent(r.Summary.Average));
        Assert.Equal(new Rate(142, 150), r.Summary.Pooled.Rate);
        Assert.Equal(new Rate(142, 150), r.GroupColumns.Single().Summary.Pooled.Rate);
        Assert.DoesNotContain(r.Ranking, x => x.SubjectId == 30);
        // The whole campaign's average includes it: (98 + 93 + 60) ÷ 3 = 83.67%.
        Assert.Equal("83.7%", RateFormat.Percent(CampaignResults.Compute(input).Summary.Average));
    }

    [Fact]
    public void A_subtree_view_shows_exactly_the_cells_the_campaign_view_shows_and_hides_its_totals_instead()
    {
        // Whole campaign, one group: (10) = 3 is below k; the group total would reveal it, so the smallest other
        // cell (20) = 10 is hidden too. In the subtree {20, 30}, (20) stays hidden and (30) stays shown, as the
        // campaign view shows it: hiding it there would protect nothing, since whoever holds both views knows it.
        // The subtree's own total (20)+(30) would then give (20) back, so it is the total that is hidden.
        var input = new ResultBuilder().Group(1, 100).Subject(10).Subject(20).Subject(30)
            .Cell(10, 1, satisfied: 3)
            .Cell(20, 1, satisfied: 9, unsatisfied: 1)
            .Cell(30, 1, satisfied: 18, unsatisfied: 2)
            .Build();

        var whole = CampaignResults.Compute(input);
        Assert.Equal(SuppressionReason.Complementary, whole.Subject(20)!.Cell(1)!.Block.Reason);
        Assert.True(whole.Subject(30)!.Cell(1)!.Block.IsShown);

        var subtree = CampaignResults.Compute(input, [20, 30]);
        Assert.Equal(SuppressionReason.Complementary, subtree.Subject(20)!.Cell(1)!.Block.Reason);
        Assert.Equal(new Rate(18, 20), subtree.Subject(30)!.Cell(1)!.Block.Rate);
        Assert.False(subtree.Summary.Pooled.IsShown);
        Assert.False(subtree.GroupColumns.Single().Summary.Pooled.IsShown);
    }

    [Fact]
    public void A_subtree_total_is_hidden_when_its_difference_from_the_campaign_total_isolates_a_hidden_cell()
    {
        // One group; A 10 ballots, B 6, a small branch of A 2. The campaign view shows A and hides the branch and,
        // to protect it, B (the campaign total's hidden part is then the branch and B, 8 ballots ≥ k).
        // A unit administrator's view {A, branch}: its total 12 minus A (shown in both views) is the branch alone,
        // so that total must not be shown, though A stays shown as in the campaign view.
        var input = new ResultBuilder().Group(1, 100).Subject(1).Subject(2).Subject(3)
            .Cell(1, 1, satisfied: 10)
            .Cell(2, 1, satisfied: 5, unsatisfied: 1)
            .Cell(3, 1, satisfied: 0, unsatisfied: 2)
            .Build();

        var whole = CampaignResults.Compute(input);
        Assert.True(whole.Subject(1)!.Cell(1)!.Block.IsShown);
        Assert.False(whole.Subject(3)!.Cell(1)!.Block.IsShown);

        var unit = CampaignResults.Compute(input, [1, 3]);
        Assert.Equal(new Rate(10, 10), unit.Subject(1)!.Cell(1)!.Block.Rate);
        Assert.False(unit.Subject(3)!.Cell(1)!.Block.IsShown);
        Assert.False(unit.Summary.Pooled.IsShown);
        Assert.False(unit.GroupColumns.Single().Summary.Pooled.IsShown);
        Assert.Null(unit.Summary.Pooled.Rate);
    }

    [Fact]
    public void Directions_are_pooled_per_subject_and_across_subjects()
    {
        var input = new ResultBuilder().Group(1, 60).Group(2, 40).Subject(10).Subject(20)
            .Cell(10, 1, satisfied: 9, unsatisfied: 1, direction: Direction.TopDown)
            .Cell(10, 2, satisfied: 16, unsatisfied: 4, direction: Direction.BottomUp)
            .Cell(20, 1, satisfied: 7, unsatisfied: 3, direction: Direction.TopDown)
            .Cell(20, 2, satisfied: 10, unsatisfied: 10, direction: Direction.BottomUp)
            .Build();

        var r = CampaignResults.Compute(input);

        Assert.Equal([Direction.TopDown, Direction.BottomUp], r.Subject(10)!.Directions.Select(d => d.Direction));
        Assert.Equal(new Rate(16, 20), r.Subject(10)!.Directions[1].Block.Rate);
        var topDown = r.Directions.Single(d => d.Direction == Direction.TopDown).Summary;
        Assert.Equal(new Rate(16, 20), topDown.Pooled.Rate);
        Assert.Equal("80.0%", RateFormat.Percent(topDown.Average));
        Assert.Equal(10, topDown.Highest!.SubjectId);
    }

    [Fact]
    public void Items_are_given_per_cell_and_pooled_per_subject_and_group_columns_are_summarised()
    {
        // Subject 10: group 1 answers the 3-level item 8/2/0 and the 5-level item (非常满意 6, 不满意 4);
        // group 2 answers the 3-level item 3/1/1. Subject 20: group 1 5/0/5.
        var input = new ResultBuilder().Group(1, 50).Group(2, 50).Subject(10).Subject(20)
            .Cell(10, 1, satisfied: 8, basic: 2)
            .Answer(10, 1, ResultBuilder.Grade5, 1, 6).Answer(10, 1, ResultBuilder.Grade5, 4, 4)
            .Cell(10, 2, satisfied: 3, basic: 1, unsatisfied: 1)
            .Cell(20, 1, satisfied: 5, unsatisfied: 5)
            .Cell(20, 2, satisfied: 6)
            .Build();

        var r = CampaignResults.Compute(input);
        var s = r.Subject(10)!;

        var cell = s.Cell(1)!.Block.Figures!;
        Assert.Equal(new Rate(10, 10), cell.Item(ResultBuilder.Grade3)!.Rate);
        Assert.Equal(new Rate(6, 10), cell.Item(ResultBuilder.Grade5)!.Rate);
        Assert.Equal(new Rate(16, 20), cell.Rate);
        Assert.Null(s.Cell(2)!.Block.Figures!.Item(ResultBuilder.Grade5));
        var pooled = s.Overall.Figures!;
        Assert.Equal(new Rate(14, 15), pooled.Item(ResultBuilder.Grade3)!.Rate);
        Assert.Equal(new Rate(11, 15), pooled.Item(ResultBuilder.Grade3)!.Strict);
        Assert.Equal(15, pooled.Ballots);
        // Group 1's column: subject 10 at 16/20 = 80%, subject 20 at 5/10 = 50% → average 65%, pooled 21/30.
        var column = r.GroupColumns.Single(c => c.Group.Id == 1).Summary;
        Assert.Equal((2, 2), (column.Subjects, column.SubjectsShown));
        Assert.Equal((10, 20), (column.Highest!.SubjectId, column.Lowest!.SubjectId));
        Assert.Equal("65.0%", RateFormat.Percent(column.Average));
        Assert.Equal(new Rate(21, 30), column.Pooled.Rate);
        Assert.Equal(0, r.ExcludedBallots);
    }
}
