using Pingyi.Domain.Forms;

namespace Pingyi.Web.Pages.Forms;

/// <summary>Short Chinese descriptions of items and versions for the editor and lists.</summary>
public static class FormDisplay
{
    public static string Settings(FormItem item) => item.Kind switch
    {
        ItemKind.Grade => GradeScales.NameOf(item.Scale),
        ItemKind.Score => $"满分 {item.MaxScore}，权重 {item.Weight}",
        ItemKind.SingleChoice => $"选项：{string.Join(" / ", item.Options)}",
        ItemKind.MultipleChoice => $"选项：{string.Join(" / ", item.Options)}；{(item.MaxChoices > 0 ? $"最多选 {item.MaxChoices} 项" : "不限选择个数")}",
        ItemKind.Text => $"最多 {item.MaxLength} 字",
        _ => "",
    };

    public static string State(FormVersion version) => version.IsFrozen ? "已冻结" : "可编辑";

    public static string Date(DateTime utc) => utc.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
