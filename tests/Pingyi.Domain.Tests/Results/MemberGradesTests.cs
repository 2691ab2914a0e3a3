using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

public class MemberGradesTests
{
    private static readonly ResultSettings Settings = ResultSettings.Default; // fail < 50, basic < 70, excellent ≥ 50

    private static GradeProposal Propose(long excellent, long qualified, long basic, long unqualified, int k = 5)
    {
        var n = excellent + qualified + basic + unqualified;
        return MemberGrades.Propose(1, "张三", n, new Rate(excellent + qualified, n), new Rate(excellent, n), Settings, k);
    }

    [Theory]
    [InlineData(6, 4, 0, 0, MemberGrade.Excellent)] // top 60% ≥ 50%
    [InlineData(5, 5, 0, 0, MemberGrade.Excellent)] // top exactly 50%: "from 50%" includes it
    [InlineData(4, 6, 0, 0, MemberGrade.Qualified)] // approval 100%, top 40%
    [InlineData(1, 6, 3, 0, MemberGrade.Qualified)] // approval exactly 70%: not below
    [InlineData(1, 5, 4, 0, MemberGrade.BasicallyQualified)] // approval 60% < 70%
    [InlineData(0, 5, 3, 2, MemberGrade.BasicallyQualified)] // approval exactly 50%: not below the fail line
    [InlineData(0, 4, 3, 3, MemberGrade.Unqualified)] // approval 40% < 50%
    [InlineData(6, 0, 0, 4, MemberGrade.BasicallyQualified)] // top 60%, but approval 60% < 70% comes first
    public void Proposal_follows_the_thresholds(long e, long q, long b, long u, MemberGrade expected) =>
        Assert.Equal(expected, Propose(e, q, b, u).Proposed);

    [Fact]
    public void Fewer_ballots_than_k_propose_nothing()
    {
        var p = Propose(4, 0, 0, 0);
        Assert.Null(p.Proposed);
        Assert.Equal("票数不足", p.Basis);
        Assert.Null(Propose(2, 0, 0, 0, k: 1).Proposed); // k below 3 is 3
        Assert.NotNull(Propose(3, 0, 0, 0, k: 1).Proposed);
    }

    [Fact]
    public void Proposals_come_from_the_computed_results_of_member_subjects_only()
    {
        var b = new ResultBuilder().Group(1, 100).Subject(10).Subject(20, memberId: 7).Subject(30, memberId: 8);
        b.Ballots(10, 1, 10).Ballots(20, 1, 10).Ballots(30, 1, 3);
        var member = new ItemInfo(200, "dy", "等次", ItemKind.Grade, GradeScale.MemberGrade4, 0, 0, 1);
        // Member 20: 优秀 6, 合格 3, 不合格 1 → approval 90%, top 60% → 优秀. Member 30: 3 ballots → hidden.
        var input = b.Build() with
        {
            Items = [member],
            Answers =
            [
                new(20, 1, 200, 1, 6), new(20, 1, 200, 2, 3), new(20, 1, 200, 4, 1), new(30, 1, 200, 1, 3),
            ],
        };

        var proposals = MemberGrades.Propose(CampaignResults.Compute(input), Settings);

        Assert.Equal([20, 30], proposals.Select(p => p.SubjectId));
        Assert.Equal(MemberGrade.Excellent, proposals[0].Proposed);
        Assert.Equal(new Rate(9, 10), proposals[0].Approval);
        Assert.Equal(new Rate(6, 10), proposals[0].Top);
        Assert.Null(proposals[1].Proposed);
        Assert.Equal("票数不足", proposals[1].Basis);
    }

    [Fact]
    public void Labels_are_chinese()
    {
        Assert.Equal(["优秀", "合格", "基本合格", "不合格"], Enum.GetValues<MemberGrade>().Select(MemberGrades.LabelOf));
        Assert.Equal(1, (int)MemberGrade.Excellent);
        Assert.Equal(4, (int)MemberGrade.Unqualified);
    }

    private static List<GradeDecision> Seven(int excellent) =>
        [.. Enumerable.Range(1, 7).Select(i => new GradeDecision(i, $"党员{i}", MemberGrade.Qualified,
            i <= excellent ? MemberGrade.Excellent : MemberGrade.Qualified, i <= excellent ? "群众评价突出" : null))];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 2)]
    [InlineData(9, 3)]
    public void Excellent_cap_is_one_third_rounded_down(int members, int cap) => Assert.Equal(cap, MemberGrades.ExcellentCap(members));

    [Fact]
    public void Seven_members_accept_two_excellent_and_refuse_three()
    {
        Assert.Empty(MemberGrades.CheckDecisions(Seven(2)));
        var error = Assert.Single(MemberGrades.CheckDecisions(Seven(3)));
        Assert.Contains("最多2名优秀", error);
        Assert.Contains("现评定3名", error);
    }

    [Fact]
    public void The_cap_may_count_members_appraised_beyond_the_decisions_given()
    {
        // Two decisions checked out of nine members appraised: three 优秀 allowed, so two are fine.
        var two = Seven(2).Take(2).ToList();
        Assert.Single(MemberGrades.CheckDecisions(two)); // alone, 2 members allow no 优秀
        Assert.Empty(MemberGrades.CheckDecisions(two, membersAppraised: 9));
    }

    [Fact]
    public void Unqualified_needs_a_reason_even_when_proposed()
    {
        var d = new GradeDecision(1, "李四", MemberGrade.Unqualified, MemberGrade.Unqualified, "  ");
        Assert.Equal("李四：评定为不合格须填写理由。", Assert.Single(MemberGrades.CheckDecisions([d])));
        Assert.Empty(MemberGrades.CheckDecisions([d with { Reason = "多次无故不参加组织生活" }]));
    }

    [Fact]
    public void A_final_grade_other_than_the_proposal_needs_a_reason()
    {
        var d = new GradeDecision(1, "王五", MemberGrade.BasicallyQualified, MemberGrade.Qualified, null);
        Assert.Equal("王五：评定等次（合格）与评议建议（基本合格）不同，须填写理由。", Assert.Single(MemberGrades.CheckDecisions([d])));
        Assert.Empty(MemberGrades.CheckDecisions([d with { Reason = "支部核实后认为整改到位" }]));
        // Without a proposal (票数不足) the branch decides freely.
        Assert.Empty(MemberGrades.CheckDecisions([d with { Proposed = null }]));
    }

    [Fact]
    public void Reasons_are_limited_and_grades_must_be_known()
    {
        var d = new GradeDecision(1, "赵六", MemberGrade.Qualified, MemberGrade.Qualified, new string('理', MemberGrades.ReasonMaxLength + 1));
        Assert.Equal($"赵六：理由不能超过{MemberGrades.ReasonMaxLength}字。", Assert.Single(MemberGrades.CheckDecisions([d])));
        Assert.Empty(MemberGrades.CheckDecisions([d with { Reason = new string('理', MemberGrades.ReasonMaxLength) }]));
        Assert.Equal("赵六：请选择评定等次。", Assert.Single(MemberGrades.CheckDecisions([d with { Final = (MemberGrade)9, Reason = null }])));
    }
}
