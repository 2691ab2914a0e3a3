namespace Pingyi.Domain.Loop;

/// <summary>Where an opinion stands in the loop, derived from its fields.</summary>
public enum OpinionState
{
    /// <summary>待处理: no problem, not merged, no reply.</summary>
    Pending = 1,

    /// <summary>已转问题.</summary>
    Problem = 2,

    /// <summary>已合并 into another opinion.</summary>
    Merged = 3,

    /// <summary>已答复 directly.</summary>
    Replied = 4,
}

/// <summary>The rules for typing in, merging, replying to and categorising opinions.</summary>
public static class OpinionRules
{
    /// <summary>The public box takes shorter texts than staff: enough for a remark, too little for a pasted document.</summary>
    public const int PublicTextMaxLength = 1000;

    public static readonly IReadOnlyDictionary<OpinionState, string> StateLabels = new Dictionary<OpinionState, string>
    {
        [OpinionState.Pending] = "待处理",
        [OpinionState.Problem] = "已转问题",
        [OpinionState.Merged] = "已合并",
        [OpinionState.Replied] = "已答复",
    };

    /// <summary>A problem wins over a merge, a merge over a direct reply: the state shows what was done with it last in the loop.</summary>
    public static OpinionState StateOf(Opinion opinion)
    {
        ArgumentNullException.ThrowIfNull(opinion);
        return opinion.ProblemId is not null ? OpinionState.Problem
            : opinion.MergedIntoId is not null ? OpinionState.Merged
            : opinion.Reply is not null ? OpinionState.Replied
            : OpinionState.Pending;
    }

    /// <summary>Only staff-typed opinions may be audited with their id; ballot and public-box ones are anonymous.</summary>
    public static bool MayAuditId(OpinionSource source) => OpinionLabels.StaffSources.Contains(source);

    public static string? CheckText(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "请填写意见建议的内容。";
        }
        if (text.Trim().Length > max)
        {
            return $"意见建议的内容不能超过{max}个字。";
        }
        return HasControl(text) ? "意见建议的内容含有不可见的控制字符。" : null;
    }

    public static string? CheckSourceNote(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return null;
        }
        if (note.Trim().Length > Opinion.SourceNoteMaxLength)
        {
            return $"来源说明不能超过{Opinion.SourceNoteMaxLength}个字。";
        }
        return note.Any(char.IsControl) ? "来源说明含有不可见的控制字符。" : null;
    }

    public static string? CheckReceivedOn(DateOnly receivedOn, DateOnly today) =>
        receivedOn > today ? "收到日期不能晚于今天。"
        : receivedOn < today.AddYears(-5) ? "收到日期不能早于五年前。"
        : null;

    public static string? CheckReply(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return "请填写答复内容。";
        }
        if (reply.Trim().Length > Opinion.ReplyMaxLength)
        {
            return $"答复内容不能超过{Opinion.ReplyMaxLength}个字。";
        }
        return HasControl(reply) ? "答复内容含有不可见的控制字符。" : null;
    }

    public static string? CheckCategoryName(string? name, IEnumerable<string> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "请填写类别名称。";
        }
        if (trimmed.Length > OpinionCategory.NameMaxLength)
        {
            return $"类别名称不能超过{OpinionCategory.NameMaxLength}个字。";
        }
        if (trimmed.Any(char.IsControl))
        {
            return "类别名称含有不可见的控制字符。";
        }
        return others.Any(o => string.Equals(o.Trim(), trimmed, StringComparison.OrdinalIgnoreCase)) ? $"类别“{trimmed}”已存在。" : null;
    }

    /// <summary>
    /// Whether <paramref name="second"/> (with its group) may be merged into <paramref name="first"/>:
    /// both heads of their groups, neither on a problem or replied to, about the same organisation
    /// and from the same campaign (or both from none), so a merge never mixes two campaigns' or
    /// two organisations' counts.
    /// </summary>
    public static string? CheckMerge(Opinion first, Opinion second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Id == second.Id)
        {
            return "不能把意见合并到它自己。";
        }
        if (first.MergedIntoId is not null || second.MergedIntoId is not null)
        {
            return "其中一条意见已合并到其他意见，请在合并后的意见上操作。";
        }
        if (first.ProblemId is not null || second.ProblemId is not null)
        {
            return "已转为问题的意见不能再合并。";
        }
        if (first.Reply is not null || second.Reply is not null)
        {
            return "已答复的意见不能再合并。";
        }
        if (first.OrganizationId != second.OrganizationId)
        {
            return "不同组织的意见不能合并。";
        }
        return first.CampaignId != second.CampaignId ? "不同评议活动的意见不能合并。" : null;
    }

    /// <summary>Whether a merged opinion may leave its group: not while the group is on a problem or replied to.</summary>
    public static string? CheckUnmerge(Opinion merged, Opinion head)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(head);
        if (merged.MergedIntoId != head.Id)
        {
            return "该意见没有合并到其他意见。";
        }
        return merged.ProblemId is not null || head.ProblemId is not null ? "已转为问题的意见不能取消合并。"
            : merged.Reply is not null || head.Reply is not null ? "已答复的意见不能取消合并。"
            : null;
    }

    // Line breaks and tabs belong in a letter's text; other control characters are never typed.
    private static bool HasControl(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}
