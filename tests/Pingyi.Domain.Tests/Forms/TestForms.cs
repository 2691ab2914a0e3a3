using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Tests.Forms;

/// <summary>Valid items and versions to start from; each test breaks one thing.</summary>
internal static class TestForms
{
    public static FormItem Grade(string key = "grade1") =>
        new() { Key = key, Kind = ItemKind.Grade, Text = "服务态度", Scale = GradeScale.Satisfaction3 };

    public static FormItem Score(string key = "score1") =>
        new() { Key = key, Kind = ItemKind.Score, Text = "综合评分", MaxScore = 100, Weight = 60 };

    public static FormItem SingleChoice(string key = "single1") =>
        new() { Key = key, Kind = ItemKind.SingleChoice, Text = "科室类别", Options = ["门诊", "住院", "急诊"] };

    public static FormItem MultipleChoice(string key = "multi1") =>
        new() { Key = key, Kind = ItemKind.MultipleChoice, Text = "最希望改进的方面", Options = ["环境", "流程", "费用"], MaxChoices = 2 };

    public static FormItem Text(string key = "text1") =>
        new() { Key = key, Kind = ItemKind.Text, Text = "意见建议", Required = false, MaxLength = 500 };

    public static FormItem Of(ItemKind kind) => kind switch
    {
        ItemKind.Grade => Grade(),
        ItemKind.Score => Score(),
        ItemKind.SingleChoice => SingleChoice(),
        ItemKind.MultipleChoice => MultipleChoice(),
        _ => Text(),
    };

    public static FormSection Section(int position, string? title, params FormItem[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            items[i].Position = i + 1;
        }
        return new FormSection { Position = position, Title = title, Items = [.. items] };
    }

    public static FormVersion Version(params FormSection[] sections) =>
        new() { Number = 1, Title = "患者满意度测评表", Description = "请如实填写。", Sections = [.. sections] };

    /// <summary>A small valid version with one item of every kind, over two sections.</summary>
    public static FormVersion EveryKind() => Version(
        Section(1, "服务评价", Grade(), Score()),
        Section(2, null, SingleChoice(), MultipleChoice(), Text()));
}
