using System.Security.Cryptography;
using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Forms;

/// <summary>What makes a form complete and well-formed, and how a new version is made.</summary>
public static class FormRules
{
    public static readonly IReadOnlyDictionary<ItemKind, string> KindNames = new Dictionary<ItemKind, string>
    {
        [ItemKind.Grade] = "等级评价",
        [ItemKind.Score] = "评分",
        [ItemKind.SingleChoice] = "单选",
        [ItemKind.MultipleChoice] = "多选",
        [ItemKind.Text] = "意见建议（文字）",
    };

    public static string NameOf(ItemKind kind) => KindNames.TryGetValue(kind, out var n) ? n : kind.ToString();

    /// <summary>Reasons the form's own fields are unacceptable; empty when they are fine.</summary>
    public static List<string> CheckHeader(string? title, string? description)
    {
        var errors = new List<string>();
        Add(errors, TextRules.CheckName(title, "测评表名称", FormVersion.TitleMaxLength));
        Add(errors, CheckLongText(description, "指导语", FormVersion.DescriptionMaxLength));
        return errors;
    }

    public static string? CheckSectionTitle(string? title) =>
        TextRules.CheckOptional(title, "分组标题", FormSection.TitleMaxLength);

    /// <summary>Reasons one item is unacceptable, each naming the field; empty when it is fine.</summary>
    public static List<string> CheckItem(FormItem item)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(item.Kind))
        {
            errors.Add("评议项目的题型不正确。");
            return errors;
        }
        Add(errors, TextRules.CheckName(item.Text, "项目内容", FormItem.TextMaxLength));
        Add(errors, CheckLongText(item.Help, "填写说明", FormItem.HelpMaxLength));
        switch (item.Kind)
        {
            case ItemKind.Grade:
                if (GradeScales.Of(item.Scale).Count == 0)
                {
                    errors.Add("等级评价项目需要选择评价等级。");
                }
                break;
            case ItemKind.Score:
                if (item.MaxScore is < 1 or > FormItem.MaxScoreLimit)
                {
                    errors.Add($"评分项目的满分应在1到{FormItem.MaxScoreLimit}之间。");
                }
                if (item.Weight is < 1 or > FormItem.MaxWeight)
                {
                    errors.Add($"评分项目的权重应在1到{FormItem.MaxWeight}之间。");
                }
                break;
            case ItemKind.SingleChoice:
            case ItemKind.MultipleChoice:
                CheckOptions(item, errors);
                break;
            case ItemKind.Text:
                if (item.MaxLength is < 1 or > FormItem.TextLengthLimit)
                {
                    errors.Add($"文字项目的字数上限应在1到{FormItem.TextLengthLimit}之间。");
                }
                break;
        }
        return errors;
    }

    private static void CheckOptions(FormItem item, List<string> errors)
    {
        if (item.Options.Count is < FormItem.MinOptions or > FormItem.MaxOptions)
        {
            errors.Add($"选择题应有{FormItem.MinOptions}到{FormItem.MaxOptions}个选项。");
        }
        for (var i = 0; i < item.Options.Count; i++)
        {
            Add(errors, TextRules.CheckName(item.Options[i], $"第{i + 1}个选项", FormItem.OptionMaxLength));
        }
        var duplicate = item.Options.Select(o => o?.Trim()).GroupBy(o => o).FirstOrDefault(g => g.Count() > 1 && !string.IsNullOrEmpty(g.Key));
        if (duplicate is not null)
        {
            errors.Add($"选项“{duplicate.Key}”重复了。");
        }
        if (item.Kind == ItemKind.MultipleChoice && (item.MaxChoices < 0 || item.MaxChoices > item.Options.Count))
        {
            errors.Add("多选题最多可选的个数不能超过选项个数。");
        }
    }

    /// <summary>
    /// Reasons the whole version cannot be given to raters: each names the section and item
    /// ("第2组第3题") so the editor can point at it. Empty when the version is usable.
    /// </summary>
    public static List<string> CheckVersion(FormVersion version)
    {
        var errors = CheckHeader(version.Title, version.Description);
        if (version.Sections.Count > FormVersion.MaxSections)
        {
            errors.Add($"测评表最多{FormVersion.MaxSections}个分组。");
        }
        var count = version.Sections.Sum(s => s.Items.Count);
        if (count == 0)
        {
            errors.Add("测评表至少需要一个评议项目。");
        }
        else if (count > FormVersion.MaxItems)
        {
            errors.Add($"测评表最多{FormVersion.MaxItems}个评议项目。");
        }
        var sectionNo = 0;
        foreach (var section in version.Sections.OrderBy(s => s.Position))
        {
            sectionNo++;
            if (CheckSectionTitle(section.Title) is { } e)
            {
                errors.Add($"第{sectionNo}组：{e}");
            }
            var itemNo = 0;
            foreach (var item in section.Items.OrderBy(i => i.Position))
            {
                itemNo++;
                errors.AddRange(CheckItem(item).Select(x => $"第{sectionNo}组第{itemNo}题：{x}"));
            }
        }
        if (version.Sections.SelectMany(s => s.Items).GroupBy(i => i.Key).Any(g => g.Count() > 1))
        {
            errors.Add("评议项目的标识重复。");
        }
        return errors;
    }

    /// <summary>Fills in what a new item of this kind needs, so the editor starts from something valid.</summary>
    public static void ApplyDefaults(FormItem item)
    {
        if (string.IsNullOrEmpty(item.Key))
        {
            item.Key = NewKey();
        }
        if (item.Kind == ItemKind.Grade && item.Scale == GradeScale.None)
        {
            item.Scale = GradeScale.Satisfaction3;
        }
        if (item.Kind == ItemKind.Score)
        {
            item.MaxScore = item.MaxScore == 0 ? 10 : item.MaxScore;
            item.Weight = item.Weight == 0 ? 1 : item.Weight;
        }
        if (item.Kind == ItemKind.Text && item.MaxLength == 0)
        {
            item.MaxLength = FormItem.DefaultTextLength;
        }
        if (item.Kind != ItemKind.Grade)
        {
            item.Scale = GradeScale.None;
        }
        if (item.Kind is not (ItemKind.SingleChoice or ItemKind.MultipleChoice))
        {
            item.Options = [];
            item.MaxChoices = 0;
        }
        if (item.Kind != ItemKind.Score)
        {
            item.MaxScore = 0;
            item.Weight = 0;
        }
        if (item.Kind != ItemKind.Text)
        {
            item.MaxLength = 0;
        }
        // Model binding turns a blank input into null even where the model says it cannot be;
        // an empty string lets CheckItem name the blank field instead of failing here.
        item.Text = item.Text?.Trim() ?? "";
        item.Help = string.IsNullOrWhiteSpace(item.Help) ? null : item.Help.Trim();
        item.Options = item.Options.Select(o => o?.Trim() ?? "").ToList();
    }

    /// <summary>A fresh, random item key (8 lowercase letters and digits).</summary>
    public static string NewKey()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, FormItem.KeyLength);
    }

    /// <summary>
    /// The next version of <paramref name="current"/>: the same content, unsaved, unfrozen, with
    /// the item keys kept so results can be compared across versions.
    /// </summary>
    public static FormVersion NextVersion(FormVersion current, DateTime nowUtc) => new()
    {
        FormId = current.FormId,
        Number = current.Number + 1,
        Title = current.Title,
        Description = current.Description,
        CreatedUtc = nowUtc,
        Sections = current.Sections.OrderBy(s => s.Position).Select(s => new FormSection
        {
            Position = s.Position,
            Title = s.Title,
            Items = s.Items.OrderBy(i => i.Position).Select(Copy).ToList(),
        }).ToList(),
    };

    public static FormItem Copy(FormItem i) => new()
    {
        Position = i.Position,
        Key = i.Key,
        Kind = i.Kind,
        Text = i.Text,
        Help = i.Help,
        Required = i.Required,
        Scale = i.Scale,
        MaxScore = i.MaxScore,
        Weight = i.Weight,
        MaxLength = i.MaxLength,
        MaxChoices = i.MaxChoices,
        Options = [.. i.Options],
    };

    private static string? CheckLongText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (value.Trim().Length > maxLength)
        {
            return $"{field}不能超过{maxLength}个字符。";
        }
        // Line breaks are allowed in long text; other control characters are not.
        return value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? $"{field}含有不可见的控制字符。" : null;
    }

    private static void Add(List<string> errors, string? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
