using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Results;

/// <summary>Arranges a <see cref="ResultInput"/> from hand-written counts.</summary>
internal sealed class ResultBuilder
{
    public const int Grade3 = 101;
    public const int Grade5 = 102;
    public const int ScoreItem = 103;
    public const int Single = 104;
    public const int Multiple = 105;
    public const int Opinion = 106;
    public const int ScoreItem2 = 107;

    private readonly List<GroupInfo> groups = [];
    private readonly List<SubjectInfo> subjects = [];
    private readonly List<CellCount> cells = [];
    private readonly List<AnswerCount> answers = [];

    public int K { get; set; } = 5;

    public ResultSettings Settings { get; set; } = ResultSettings.Default;

    public static readonly IReadOnlyList<ItemInfo> Items =
    [
        new(Grade3, "g3", "总体评价", ItemKind.Grade, GradeScale.Satisfaction3, 0, 0, 1),
        new(Grade5, "g5", "服务态度", ItemKind.Grade, GradeScale.Satisfaction5, 0, 0, 2),
        new(ScoreItem, "sc", "履职成效评分", ItemKind.Score, GradeScale.None, 100, 60, 3),
        new(Single, "sg", "最满意的方面", ItemKind.SingleChoice, GradeScale.None, 0, 0, 4) { Options = ["环境", "态度", "效率"] },
        new(Multiple, "mc", "希望改进的方面", ItemKind.MultipleChoice, GradeScale.None, 0, 0, 5) { Options = ["环境", "态度", "效率"] },
        new(Opinion, "tx", "意见建议", ItemKind.Text, GradeScale.None, 0, 0, 6),
        new(ScoreItem2, "s2", "作风建设评分", ItemKind.Score, GradeScale.None, 10, 40, 7),
    ];

    public ResultBuilder Group(int id, int weight = 0, bool lowerTrust = false)
    {
        groups.Add(new GroupInfo(id, $"类别{id}", weight, 50, lowerTrust, groups.Count + 1));
        return this;
    }

    public ResultBuilder Subject(int id, int? organizationId = null, int? memberId = null, int? parent = null)
    {
        subjects.Add(new SubjectInfo(id, $"对象{id}", memberId is null ? organizationId ?? id : null, memberId, parent));
        return this;
    }

    /// <summary>A cell whose ballots each answer the 3-level item once: satisfied, basic, unsatisfied counts.</summary>
    public ResultBuilder Cell(int subjectId, int groupId, long satisfied, long basic = 0, long unsatisfied = 0, Direction direction = Direction.ServiceRecipients)
    {
        cells.Add(new CellCount(subjectId, groupId, direction, satisfied + basic + unsatisfied));
        Answer(subjectId, groupId, Grade3, 1, satisfied).Answer(subjectId, groupId, Grade3, 2, basic).Answer(subjectId, groupId, Grade3, 3, unsatisfied);
        return this;
    }

    public ResultBuilder Ballots(int subjectId, int groupId, long ballots, Direction direction = Direction.ServiceRecipients)
    {
        cells.Add(new CellCount(subjectId, groupId, direction, ballots));
        return this;
    }

    public ResultBuilder Answer(int subjectId, int groupId, int itemId, int value, long count)
    {
        if (count > 0)
        {
            answers.Add(new AnswerCount(subjectId, groupId, itemId, value, count));
        }
        return this;
    }

    public ResultInput Build() => new(1, K, Settings, groups, subjects, Items, cells, answers, 0);
}
