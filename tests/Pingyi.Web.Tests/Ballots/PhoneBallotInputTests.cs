using System.Net;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Web.Pages.Shared;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Ballots.PhoneBallotArrange;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>Whatever a page or a hostile client posts, the server checks it; a refusal keeps the answers and stores nothing.</summary>
public abstract class PhoneBallotInputTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    /// <summary>Posts a changed full ballot; asserts the page came back with the message and nothing was stored.</summary>
    private async Task<string> RefusedAsync(string name, Func<BallotWorld, List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> change)
    {
        var world = await app.AddBallotWorldAsync(name);
        var slip = await app.AddSlipAsync(world);
        var (client, _) = app.CookieClient();
        await client.OpenAsync(slip);

        var html = await (await client.SubmitAsync(change(world, FullAnswers(world)))).BodyAsync(HttpStatusCode.OK);

        Assert.Contains("提交未成功，请修改后重新提交", html);
        Assert.Equal(0, await app.BallotCountAsync(world.CampaignId));
        Assert.Equal(TokenState.Unused, await app.TokenStateAsync(slip.TokenId));
        return html;
    }

    [Fact]
    public async Task An_unknown_option_is_refused_next_to_its_item_for_that_subject()
    {
        string grade = "";
        var html = await RefusedAsync("未知选项", (w, f) =>
        {
            grade = Field(w.MatrixSubjectIds[1], w.MatrixForm, ItemKind.Grade);
            return f.Replace(grade, "9").Replace(Field(w.MatrixSubjectIds[0], w.MatrixForm, ItemKind.SingleChoice), "4");
        });
        Assert.Matches($"<fieldset class=\"m-row m-invalid\" id=\"f-{grade}\"[^>]*>\\s*<legend class=\"m-subject\">乙医院</legend>\\s*<p class=\"q-error\" id=\"e-{grade}\">请从给出的等级中选择。</p>", html);
        Assert.Contains("请从给出的选项中选择。", html);
        Assert.Contains("有 2 处需要填写或修改", html);
        Assert.Contains($"href=\"#f-{grade}\"", html);
    }

    [Fact]
    public async Task A_missing_required_item_keeps_every_other_answer_and_links_the_summary_to_it()
    {
        string missing = "", text = "", kept = "";
        var html = await RefusedAsync("漏答", (w, f) =>
        {
            missing = Field(w.MatrixSubjectIds[2], w.MatrixForm, ItemKind.Score, maxScore: 5);
            text = Field(w.MatrixSubjectIds[0], w.MatrixForm, ItemKind.Text);
            kept = Field(w.MatrixSubjectIds[2], w.MatrixForm, ItemKind.Grade);
            return f.Where(x => x.Key != missing).ToList().Replace(text, "候诊区座位太少");
        });
        Assert.Contains($"<p class=\"q-error\" id=\"e-{missing}\">{BallotRules.Required}</p>", html);
        Assert.Contains($"<a href=\"#f-{missing}\">有 1 处需要填写或修改，点此转到第一处</a>", html);
        Assert.Contains($"id=\"f-{missing}\"", html);
        Assert.Matches($"<input type=\"radio\" id=\"{kept}_1\" name=\"{kept}\" value=\"1\" checked=\"checked\"", html);
        Assert.Contains(">候诊区座位太少</textarea>", html);
        Assert.Contains("value=\"88\"", html);
    }

    [Fact]
    public async Task Out_of_range_scores_and_over_long_text_are_refused_with_their_limits()
    {
        var html = await RefusedAsync("越界", (w, f) => f
            .Replace(Field(w.MatrixSubjectIds[0], w.MatrixForm, ItemKind.Score, maxScore: 100), "101")
            .Replace(Field(w.MatrixSubjectIds[1], w.MatrixForm, ItemKind.Score, maxScore: 5), "-1")
            .Replace(Field(w.MatrixSubjectIds[2], w.MatrixForm, ItemKind.Text), new string('长', 301)));
        Assert.Contains("请填写0到100之间的整数分数。", html);
        Assert.Contains("请填写0到5之间的整数分数。", html);
        Assert.Contains("意见建议不能超过300个字，现在是301个字。", html);
    }

    [Fact]
    public async Task Script_in_free_text_is_shown_inert_when_the_page_comes_back()
    {
        var html = await RefusedAsync("脚本", (w, f) => f
            .Replace(Field(w.MatrixSubjectIds[0], w.MatrixForm, ItemKind.Text), "<script>alert('x')</script><b>粗</b>")
            .Replace(Field(w.MatrixSubjectIds[0], w.MatrixForm, ItemKind.Grade), "0"));
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;粗&lt;/b&gt;</textarea>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>粗", html);
    }

    [Fact]
    public async Task A_field_for_a_subject_the_code_does_not_cover_refuses_the_whole_ballot()
    {
        var other = await app.AddBallotWorldAsync("别的活动");
        var html = await RefusedAsync("越权对象", (w, f) =>
        {
            f.Add(new(Field(other.MatrixSubjectIds[0], w.MatrixForm, ItemKind.Grade), "1"));
            return f;
        });
        Assert.Contains("提交的内容包含不在本评议码评议范围内的评议对象。", html);
    }

    [Theory]
    [InlineData("q_abc")]
    [InlineData("q_1")]
    [InlineData("q_{0}_nosuchkey")]
    public async Task A_field_that_names_no_item_refuses_the_whole_ballot(string pattern)
    {
        var html = await RefusedAsync("未知项目" + pattern.Length, (w, f) =>
        {
            f.Add(new(pattern.Replace("{0}", w.MatrixSubjectIds[0].ToString()), "1"));
            return f;
        });
        Assert.Contains(BallotPageState.UnknownItem, html);
    }

    [Fact]
    public async Task Two_answers_to_a_single_choice_item_are_refused()
    {
        var html = await RefusedAsync("多个答案", (w, f) => f.Replace(Field(w.SingleSubjectId, w.SingleForm, ItemKind.Grade), "1", "2"));
        Assert.Contains("此项只能选择一个答案。", html);
    }
}

public sealed class SqlitePhoneBallotInputTests(SqliteAppFixture app) : PhoneBallotInputTests<SqliteAppFixture>(app);

public sealed class PostgresPhoneBallotInputTests(PostgresAppFixture app) : PhoneBallotInputTests<PostgresAppFixture>(app);
