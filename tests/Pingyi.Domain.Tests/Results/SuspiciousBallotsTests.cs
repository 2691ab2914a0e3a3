using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

public class SuspiciousBallotsTests
{
    private static FormItem Grade(int id) => new() { Id = id, Kind = ItemKind.Grade, Scale = GradeScale.Satisfaction3 };

    private static FormItem Score(int id, int max = 100) => new() { Id = id, Kind = ItemKind.Score, MaxScore = max, Weight = 1 };

    private static BallotAnswer A(int item, int? value, string? text = null, int subject = 1) =>
        new() { SubjectId = subject, ItemId = item, Value = value, Text = text };

    private static readonly FormItem[] Items = [Grade(1), Grade(2), Grade(3), Grade(4), Grade(5), Score(6), Score(7), new() { Id = 8, Kind = ItemKind.Text }];

    [Fact]
    public void Five_identical_grades_are_straight_lining_and_four_are_not()
    {
        Assert.True(SuspiciousBallots.IsStraightLine([A(1, 1), A(2, 1), A(3, 1), A(4, 1), A(5, 1)], Items));
        Assert.False(SuspiciousBallots.IsStraightLine([A(1, 1), A(2, 1), A(3, 1), A(4, 1)], Items));
        Assert.False(SuspiciousBallots.IsStraightLine([A(1, 1), A(2, 1), A(3, 2), A(4, 1), A(5, 1)], Items));
    }

    [Fact]
    public void Each_scale_is_compared_with_itself_and_text_and_blanks_are_ignored()
    {
        // Grades all 满意 and both scores 100: every scale uniform → flagged, whatever the text says.
        Assert.True(SuspiciousBallots.IsStraightLine(
            [A(1, 1), A(2, 1), A(3, 1), A(4, 1), A(5, null), A(6, 100), A(7, 100), A(8, null, "很好")], Items));
        // The scores differ: the rater did discriminate.
        Assert.False(SuspiciousBallots.IsStraightLine(
            [A(1, 1), A(2, 1), A(3, 1), A(4, 1), A(5, 1), A(6, 100), A(7, 90)], Items));
        // The same answer across several subjects of one assignment counts too.
        Assert.True(SuspiciousBallots.IsStraightLine(
            [.. Enumerable.Range(1, 5).Select(s => A(1, 2, subject: s))], Items));
    }

    [Fact]
    public void Choice_answers_are_neither_counted_nor_compared()
    {
        FormItem[] items = [Grade(1), Grade(2), Score(3, 10), Score(4, 10), new() { Id = 5, Kind = ItemKind.SingleChoice, Options = ["短", "长"] }];
        // Four ratings and a choice: the choice does not make up the fifth answer.
        Assert.False(SuspiciousBallots.IsStraightLine([A(1, 1), A(2, 1), A(3, 9), A(4, 9), A(5, 1)], items));
        // Five uniform ratings over two subjects are flagged, whatever the choices say.
        Assert.True(SuspiciousBallots.IsStraightLine(
            [A(1, 1), A(2, 1), A(3, 9), A(4, 9), A(5, 1), A(1, 1, subject: 2), A(5, 2, subject: 2)], items));
    }

    [Fact]
    public void Content_hash_ignores_order_and_text_but_not_values()
    {
        var one = SuspiciousBallots.ContentHash([A(1, 1), A(2, 3), A(8, null, "态度很好")]);
        Assert.Equal(one, SuspiciousBallots.ContentHash([A(2, 3), A(8, null, "另一条意见"), A(1, 1)]));
        Assert.NotEqual(one, SuspiciousBallots.ContentHash([A(1, 1), A(2, 2)]));
        Assert.NotEqual(one, SuspiciousBallots.ContentHash([A(1, 1, subject: 2), A(2, 3, subject: 2)]));
        Assert.Equal(64, one.Length);
    }
}

public class BurstDetectorTests
{
    private static readonly DateTime T0 = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    [Fact]
    public void The_fifth_identical_ballot_within_ten_minutes_flags_itself_and_the_four_before()
    {
        var d = new BurstDetector();
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(BurstVerdict.None, d.Observe("qr:1", "H", T0.AddMinutes(i), Id(i)));
        }
        var fifth = d.Observe("qr:1", "H", T0.AddMinutes(5), Id(5));
        Assert.True(fifth.IsBurst);
        Assert.Equal([Id(1), Id(2), Id(3), Id(4)], fifth.AlsoFlag);
        // The sixth continues the burst; the earlier ones are flagged already.
        var sixth = d.Observe("qr:1", "H", T0.AddMinutes(6), Id(6));
        Assert.True(sixth.IsBurst);
        Assert.Empty(sixth.AlsoFlag);
    }

    [Fact]
    public void Different_content_other_sources_and_old_entries_do_not_count()
    {
        var d = new BurstDetector();
        d.Observe("qr:1", "H", T0, Id(1));
        d.Observe("qr:1", "H", T0.AddMinutes(1), Id(2));
        d.Observe("qr:1", "X", T0.AddMinutes(2), Id(3));
        d.Observe("qr:2", "H", T0.AddMinutes(3), Id(4));
        d.Observe("qr:1", "H", T0.AddMinutes(4), Id(5));
        // 10 min 30 s after the first: the first has left the window; qr:1 keeps H, X, H and this H.
        var v = d.Observe("qr:1", "H", T0.AddMinutes(10.5), Id(6));
        Assert.False(v.IsBurst);
        Assert.Equal(4, d.EntryCount("qr:1"));
        // One more inside the window of the second makes 4: still below 5.
        Assert.False(d.Observe("qr:1", "H", T0.AddMinutes(10.8), Id(7)).IsBurst);
        var burst = d.Observe("qr:1", "H", T0.AddMinutes(10.9), Id(8));
        Assert.True(burst.IsBurst);
        Assert.Equal([Id(2), Id(5), Id(6), Id(7)], burst.AlsoFlag);
    }

    [Fact]
    public void A_late_arrival_does_not_count_entries_outside_its_window()
    {
        var d = new BurstDetector(threshold: 3);
        d.Observe("qr:1", "H", T0.AddMinutes(30), Id(1));
        // Written with an older time (a slow request); it sits behind a newer entry, so eviction from the front misses it.
        Assert.False(d.Observe("qr:1", "H", T0, Id(2)).IsBurst);
        Assert.False(d.Observe("qr:1", "H", T0.AddMinutes(31), Id(3)).IsBurst);
        var burst = d.Observe("qr:1", "H", T0.AddMinutes(32), Id(4));
        Assert.True(burst.IsBurst);
        Assert.Equal([Id(1), Id(3)], burst.AlsoFlag);
    }

    [Fact]
    public void Each_source_keeps_at_most_its_cap()
    {
        var d = new BurstDetector(threshold: 3, capPerSource: 4);
        for (var i = 1; i <= 10; i++)
        {
            d.Observe("batch:7", $"H{i}", T0.AddSeconds(i), Id(i));
        }
        Assert.Equal(4, d.EntryCount("batch:7"));
    }

    [Fact]
    public void Sources_beyond_the_limit_evict_stale_then_least_recently_seen_ones()
    {
        var d = new BurstDetector(maxSources: 3);
        d.Observe("a", "H", T0, Id(1));
        d.Observe("b", "H", T0.AddMinutes(20), Id(2));
        d.Observe("c", "H", T0.AddMinutes(21), Id(3));
        // "a" is stale (older than the window): it goes first.
        d.Observe("d", "H", T0.AddMinutes(22), Id(4));
        Assert.Equal(3, d.SourceCount);
        Assert.Equal(0, d.EntryCount("a"));
        Assert.Equal(1, d.EntryCount("b"));
        // Nothing stale now: the least recently seen ("b") goes.
        d.Observe("e", "H", T0.AddMinutes(23), Id(5));
        Assert.Equal(3, d.SourceCount);
        Assert.Equal(0, d.EntryCount("b"));
        Assert.Equal(1, d.EntryCount("e"));
    }

    [Fact]
    public void Settings_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurstDetector(threshold: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurstDetector(threshold: 5, capPerSource: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurstDetector(window: TimeSpan.Zero));
        var d = new BurstDetector();
        Assert.Equal((5, TimeSpan.FromMinutes(10)), (d.Threshold, d.Window));
    }
}
