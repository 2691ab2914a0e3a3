using System.Net;
using System.Text.Json;
using Pingyi.Domain.Forms;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Paper;

/// <summary>Hostile and mistyped slips: a Chinese message beside the field, the typed values kept, nothing stored.</summary>
public abstract class PaperInputTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Malformed_serials_digits_and_text_are_refused_through_the_api_with_nothing_stored()
    {
        var paper = await app.AddPaperMeetingAsync("输入", issued: 50, returned: 48);
        using var clerk = await app.SignInAsync(AppFixture.AdminA);
        var digits = PaperArrange.Digits(paper);
        var s0 = paper.World.MatrixSubjectIds[0];
        var grade = paper.Field(s0, ItemKind.Grade);
        var score = paper.Field(s0, ItemKind.Score, 5);
        var text = paper.Field(s0, ItemKind.Text);
        var multi = paper.Field(s0, ItemKind.MultipleChoice);
        var missing = new Dictionary<string, string>(digits);
        missing.Remove(grade);
        var before = await app.PaperCountsAsync();

        (object? Serial, IReadOnlyDictionary<string, string> Digits, string Field, string Message)[] cases =
        [
            (0, digits, "serial", "编号须在 1 到 50 之间"),
            (-1, digits, "serial", "编号须在 1 到 50 之间"),
            (99999, digits, "serial", "编号须在 1 到 50 之间"),
            ("abc", digits, "serial", "请填写测评表右上角的编号"),
            (null, digits, "serial", "请填写测评表右上角的编号"),
            (1, digits.With(grade, "a"), grade, "只能填写数字"),
            (1, digits.With(grade, "<script>"), grade, "只能填写数字"),
            (1, digits.With(grade, "4"), grade, "请从给出的等级中选择"),
            (1, digits.With(grade, "1 2"), grade, "此项只能填写一个数字"),
            (1, digits.With(score, "99999999999999999999"), score, "请填写0到5之间的整数分数"),
            (1, digits.With(score, new string('9', 500)), score, "只能填写数字"),
            (1, digits.With(multi, "123"), multi, "此项最多选择2项"),
            (1, digits.With(multi, "11"), multi, "同一选项不能重复选择"),
            (1, digits.With(multi, "9"), multi, "请从给出的选项中选择"),
            (1, digits.With(text, new string('长', 301)), text, "意见建议不能超过300个字"),
            (1, digits.With(text, "控制\u0001字符"), text, "控制字符"),
            (1, missing, grade, "此项为必答题"),
        ];
        foreach (var (serial, typed, field, message) in cases)
        {
            var response = await clerk.TypeViaApiAsync(paper, serial, typed);
            var body = await response.BodyAsync(HttpStatusCode.BadRequest);
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var e), $"{serial}/{field}: {body}");
            Assert.Contains(message, e[0].GetString());
        }

        var voidWithoutReason = await clerk.TypeViaApiAsync(paper, 1, PaperArrange.None, isVoid: true, reason: " ");
        Assert.Contains("请填写无效的原因", await voidWithoutReason.BodyAsync(HttpStatusCode.BadRequest));
        var unknown = await clerk.TypeViaApiAsync(paper, 1, digits.With("999999_zzzz", "1"));
        Assert.Equal("提交的内容包含测评表中没有的项目。", await PaperArrange.TitleAsync(unknown, HttpStatusCode.BadRequest));
        var oversized = await clerk.TypeViaApiAsync(paper, 1, Enumerable.Range(0, 6000).ToDictionary(i => $"{i}_k", _ => "1"));
        Assert.Equal("提交的内容包含测评表中没有的项目。", await PaperArrange.TitleAsync(oversized, HttpStatusCode.BadRequest));
        var notJson = await clerk.Http.PostAsync(paper.ApiUrl, new StringContent("{\"serial\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("请求格式不正确", await notJson.BodyAsync(HttpStatusCode.BadRequest));

        Assert.Equal(before, await app.PaperCountsAsync());
    }

    [Fact]
    public async Task The_page_keeps_what_was_typed_names_every_error_beside_its_field_and_stores_nothing()
    {
        var paper = await app.AddPaperMeetingAsync("逐项", issued: 10, returned: 10);
        using var clerk = await app.SignInAsync(AppFixture.AdminA);
        var s0 = paper.World.MatrixSubjectIds[0];
        var grade = paper.Field(s0, ItemKind.Grade);
        var text = paper.Field(s0, ItemKind.Text);
        var before = await app.PaperCountsAsync();

        var typed = PaperArrange.Digits(paper).With(grade, "x9").With(text, "<script>alert('x')</script>");
        var response = await clerk.TypeOnPageAsync(paper, "abc", typed);
        var html = await response.BodyAsync(HttpStatusCode.OK);
        Assert.Contains("录入的内容有误，请按提示逐项改正后再保存。", html);
        Assert.Contains("<span class=\"entry-error\" id=\"e-Serial\">请填写测评表右上角的编号（数字）。</span>", html);
        Assert.Contains($"<span class=\"entry-error\" id=\"e-d_{grade}\">只能填写数字。</span>", html);
        Assert.Contains($"name=\"d_{grade}\" value=\"x9\"", html);
        Assert.Contains("value=\"abc\"", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        // The serial was wrong: the cursor goes there.
        Assert.Matches("id=\"Serial\"[^>]*autofocus", html);

        var voidNoReason = await clerk.TypeOnPageAsync(paper, "3", PaperArrange.None, isVoid: true);
        Assert.Contains("<span class=\"entry-error\" id=\"e-VoidReason\">请填写无效的原因。</span>", await voidNoReason.BodyAsync(HttpStatusCode.OK));

        var twice = PaperArrange.PageFields("2", PaperArrange.Digits(paper)).Append(new("d_" + grade, "2"));
        var duplicated = await clerk.PostFormAsync(paper.EntryUrl, twice, tokenPage: paper.EntryUrl);
        Assert.Contains("填写的内容格式不正确，请检查后重试。", await duplicated.BodyAsync(HttpStatusCode.OK));
        var badFlag = PaperArrange.PageFields("2", PaperArrange.Digits(paper)).Append(new("IsVoid", "abc"));
        var flagged = await clerk.PostFormAsync(paper.EntryUrl, badFlag, tokenPage: paper.EntryUrl);
        Assert.Contains("填写的内容格式不正确，请检查后重试。", await flagged.BodyAsync(HttpStatusCode.OK));
        var stranger = await clerk.TypeOnPageAsync(paper, "2", PaperArrange.Digits(paper).With("1_abc", "1"));
        Assert.Contains("提交的内容包含测评表中没有的项目。", await stranger.BodyAsync(HttpStatusCode.OK));

        Assert.Equal(before, await app.PaperCountsAsync());
    }
}

public sealed class SqlitePaperInputTests(SqliteAppFixture a) : PaperInputTests<SqliteAppFixture>(a);

public sealed class PostgresPaperInputTests(PostgresAppFixture a) : PaperInputTests<PostgresAppFixture>(a);
