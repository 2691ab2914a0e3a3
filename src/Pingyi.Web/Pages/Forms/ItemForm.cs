using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Forms;

namespace Pingyi.Web.Pages.Forms;

/// <summary>The fields of the item editor: every kind's settings at once, since the page works without JavaScript.</summary>
public sealed class ItemForm
{
    public ItemKind Kind { get; set; } = ItemKind.Grade;

    public string? Text { get; set; }

    public string? Help { get; set; }

    public bool Required { get; set; } = true;

    public GradeScale Scale { get; set; } = GradeScale.Satisfaction3;

    public int? MaxScore { get; set; } = 10;

    public int? Weight { get; set; } = 1;

    public int? MaxLength { get; set; } = FormItem.DefaultTextLength;

    public int? MaxChoices { get; set; }

    /// <summary>The options, one per line.</summary>
    public string? Options { get; set; }

    public FormItemInput ToInput() => new(Kind, Text, Help, Required, Scale, MaxScore ?? 0, Weight ?? 0, MaxLength ?? 0,
        MaxChoices ?? 0, (Options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList());

    public static ItemForm From(FormItem item) => new()
    {
        Kind = item.Kind,
        Text = item.Text,
        Help = item.Help,
        Required = item.Required,
        Scale = item.Scale == GradeScale.None ? GradeScale.Satisfaction3 : item.Scale,
        MaxScore = item.Kind == ItemKind.Score ? item.MaxScore : 10,
        Weight = item.Kind == ItemKind.Score ? item.Weight : 1,
        MaxLength = item.Kind == ItemKind.Text ? item.MaxLength : FormItem.DefaultTextLength,
        MaxChoices = item.MaxChoices,
        Options = string.Join('\n', item.Options),
    };
}
