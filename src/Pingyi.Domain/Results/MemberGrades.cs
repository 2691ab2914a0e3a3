namespace Pingyi.Domain.Results;

/// <summary>民主评议党员 等次. Values are the MemberGrade4 scale's level values (1 best).</summary>
public enum MemberGrade
{
    Excellent = 1,
    Qualified = 2,
    BasicallyQualified = 3,
    Unqualified = 4,
}

/// <summary>
/// The grade the vote proposes for one member subject, from its overall figures:
/// approval = satisfied share (on the MemberGrade4 scale 优秀 + 合格), top = strictly satisfied
/// share (优秀). <see cref="Proposed"/> is null when there are too few ballots or the figure is
/// suppressed; <see cref="Basis"/> then says why.
/// </summary>
public sealed record GradeProposal(int SubjectId, string Name, long Ballots, Rate Approval, Rate Top, MemberGrade? Proposed, string Basis);

/// <summary>The branch's final grade for one member, with the proposal it may depart from.</summary>
public sealed record GradeDecision(int SubjectId, string Name, MemberGrade? Proposed, MemberGrade Final, string? Reason);

/// <summary>民主评议党员: the vote proposes, the branch decides and records its reason.</summary>
public static class MemberGrades
{
    public const int ReasonMaxLength = 500;

    public static readonly IReadOnlyDictionary<MemberGrade, string> Labels = new Dictionary<MemberGrade, string>
    {
        [MemberGrade.Excellent] = "优秀",
        [MemberGrade.Qualified] = "合格",
        [MemberGrade.BasicallyQualified] = "基本合格",
        [MemberGrade.Unqualified] = "不合格",
    };

    public static string LabelOf(MemberGrade grade) => Labels.TryGetValue(grade, out var l) ? l : grade.ToString();

    /// <summary>优秀 at most one third of the members appraised, rounded down: 7 members → 2.</summary>
    public static int ExcellentCap(int membersAppraised) => Math.Max(0, membersAppraised) / 3;

    /// <summary>
    /// The proposal from approval and top shares (thresholds in percent, compared exactly on the
    /// counts): 不合格 if approval &lt; FailBelowPercent; else 基本合格 if approval &lt; BasicBelowPercent;
    /// else 优秀 if top ≥ ExcellentAtPercent; else 合格. No proposal (票数不足) with fewer than k ballots.
    /// </summary>
    public static GradeProposal Propose(int subjectId, string name, long ballots, Rate approval, Rate top, ResultSettings settings, int k)
    {
        ArgumentNullException.ThrowIfNull(settings);
        k = Suppression.EffectiveK(k);
        if (ballots < k || approval.N == 0)
        {
            return new(subjectId, name, ballots, approval, top, null, "票数不足");
        }
        // x/n < p% ⇔ 100·x < p·n: integer comparison, so 50% of 10 votes is not "below 50%".
        static bool Below(Rate r, int percent) => r.Numerator * 100 < (long)percent * r.N;
        MemberGrade grade;
        string basis;
        if (Below(approval, settings.FailBelowPercent))
        {
            (grade, basis) = (MemberGrade.Unqualified, $"优秀和合格票占{approval}，低于{settings.FailBelowPercent}%");
        }
        else if (Below(approval, settings.BasicBelowPercent))
        {
            (grade, basis) = (MemberGrade.BasicallyQualified, $"优秀和合格票占{approval}，低于{settings.BasicBelowPercent}%");
        }
        else if (!Below(top, settings.ExcellentAtPercent))
        {
            (grade, basis) = (MemberGrade.Excellent, $"优秀票占{top}，达到{settings.ExcellentAtPercent}%");
        }
        else
        {
            (grade, basis) = (MemberGrade.Qualified, $"优秀和合格票占{approval}，优秀票占{top}");
        }
        return new(subjectId, name, ballots, approval, top, grade, basis);
    }

    /// <summary>
    /// Proposals for the member subjects of a computed result (organisation subjects are not graded),
    /// from their shown overall figures; a suppressed subject gets no proposal.
    /// </summary>
    public static IReadOnlyList<GradeProposal> Propose(CampaignResult result, ResultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(result);
        var proposals = new List<GradeProposal>();
        foreach (var s in result.Subjects.Where(s => s.Subject.MemberId is not null))
        {
            if (!s.Overall.IsShown)
            {
                var why = s.Overall.Reason == SuppressionReason.TooFewBallots ? "票数不足" : SuppressionLabels.Of(s.Overall.Reason, result.K);
                proposals.Add(new(s.Subject.Id, s.Subject.Name, 0, Rate.Empty, Rate.Empty, null, why));
                continue;
            }
            var f = s.Overall.Figures!;
            proposals.Add(Propose(s.Subject.Id, s.Subject.Name, f.Ballots, f.Rate, f.Strict, settings, result.K));
        }
        return proposals;
    }

    /// <summary>
    /// Checks the branch's final grades: 优秀 at most one third of the members appraised
    /// (<paramref name="membersAppraised"/>, by default one decision per member); 不合格 and any
    /// departure from the proposal need a reason; reasons at most <see cref="ReasonMaxLength"/>
    /// characters. Chinese messages; empty when acceptable.
    /// </summary>
    public static IReadOnlyList<string> CheckDecisions(IReadOnlyList<GradeDecision> decisions, int? membersAppraised = null)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var errors = new List<string>();
        var members = membersAppraised ?? decisions.Count;
        var cap = ExcellentCap(members);
        var excellent = decisions.Count(d => d.Final == MemberGrade.Excellent);
        if (excellent > cap)
        {
            errors.Add($"评定为优秀的党员不能超过参评党员的三分之一：本次参评{members}名，最多{cap}名优秀，现评定{excellent}名。");
        }
        foreach (var d in decisions)
        {
            if (!Enum.IsDefined(d.Final))
            {
                errors.Add($"{d.Name}：请选择评定等次。");
                continue;
            }
            var reason = d.Reason?.Trim() ?? "";
            if (reason.Length > ReasonMaxLength)
            {
                errors.Add($"{d.Name}：理由不能超过{ReasonMaxLength}字。");
            }
            if (reason.Length == 0 && d.Final == MemberGrade.Unqualified)
            {
                errors.Add($"{d.Name}：评定为不合格须填写理由。");
            }
            else if (reason.Length == 0 && d.Proposed is { } p && p != d.Final)
            {
                errors.Add($"{d.Name}：评定等次（{LabelOf(d.Final)}）与评议建议（{LabelOf(p)}）不同，须填写理由。");
            }
        }
        return errors;
    }
}
