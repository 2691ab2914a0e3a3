using System.Text.RegularExpressions;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Forms;

/// <summary>Just enough HTML reading to find form controls and their attributes.</summary>
internal static partial class Html
{
    [GeneratedRegex("<(input|textarea|select)\\b[^>]*>")]
    public static partial Regex Control();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    public static partial Regex IdAttribute();

    [GeneratedRegex("\\btype=\"([^\"]+)\"")]
    public static partial Regex TypeAttribute();
}

/// <summary>The preview is the rater's phone page: its own layout, labelled inputs of every kind, no way to submit.</summary>
public abstract class FormPreviewTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_preview_is_a_phone_page_where_every_input_has_a_label()
    {
        var (_, versionId) = await app.AddFormAsync(app.UnitAId, FormArrange.Sample("预览表"));
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var html = await client.GetHtmlAsync($"/Forms/Preview/{versionId}");

        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"", html);
        Assert.DoesNotContain("主导航", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);

        var controls = Html.Control().Matches(html).Select(m => m.Value).ToList();
        var types = controls.Select(c => c.StartsWith("<textarea") ? "textarea" : Html.TypeAttribute().Match(c).Groups[1].Value).ToList();
        // 3 + 5 grade levels, scores 0..5 as radios, 3 single-choice options; 100 as a number box.
        Assert.Equal(3 + 5 + 6 + 3, types.Count(t => t == "radio"));
        Assert.Equal(3, types.Count(t => t == "checkbox"));
        Assert.Equal(1, types.Count(t => t == "number"));
        Assert.Equal(1, types.Count(t => t == "textarea"));
        foreach (var control in controls)
        {
            var id = Html.IdAttribute().Match(control);
            Assert.True(id.Success, $"an input without id: {control}");
            Assert.Contains($"for=\"{id.Groups[1].Value}\"", html);
        }

        Assert.Contains("请根据您的亲身感受如实评价。", html);
        Assert.Contains("<h2>一、服务</h2>", html);
        Assert.Contains("从取号到就诊的等候时间", html);
        Assert.Contains("共 7 题，其中必答 6 题", html);
        Assert.Contains("maxlength=\"300\"", html);
        Assert.Contains("最多 300 字", html);
        Assert.Contains("max=\"100\"", html);
        Assert.Contains("最多选 2 项", html);
        Assert.Contains("<span>非常不满意</span>", html);
        Assert.Matches("<button[^>]*disabled[^>]*>预览中，不能提交</button>", html);
        Assert.Equal(6, Regex.Matches(html, "（必答）").Count);
    }
}

public sealed class SqliteFormPreviewTests(SqliteAppFixture app) : FormPreviewTests<SqliteAppFixture>(app);

public sealed class PostgresFormPreviewTests(PostgresAppFixture app) : FormPreviewTests<PostgresAppFixture>(app);
