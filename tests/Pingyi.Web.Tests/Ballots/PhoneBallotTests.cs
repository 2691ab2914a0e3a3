using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Forms;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>The rater's path: link → cookie → matrix ballot → receipt, exactly once.</summary>
public abstract partial class PhoneBallotTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [GeneratedRegex(@"<p class=""receipt-code""[^>]*>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})</p>")]
    private static partial Regex ReceiptPattern();

    [Fact]
    public async Task The_link_trades_its_code_for_a_cookie_and_leaves_the_url_at_once()
    {
        var world = await app.AddBallotWorldAsync("链接交换");
        var slip = await app.AddSlipAsync(world);
        var (client, cookies) = app.CookieClient();

        var response = await client.GetAsync($"/V/{slip.LongCode.ToUpperInvariant()}");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/V/Ballot", response.Headers.Location!.OriginalString);
        var setCookie = string.Join("\n", response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("pingyi.v=", setCookie);
        Assert.Contains("path=/V", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(slip.LongCode, setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Single(cookies.GetCookies(new Uri("http://localhost/V/Ballot")), c => c.Name == BallotAccess.CookieName);
        Assert.Equal(TokenState.Unused, await app.TokenStateAsync(slip.TokenId));
    }

    [Fact]
    public async Task Several_subjects_are_a_matrix_on_one_page_where_every_input_names_its_subject()
    {
        var world = await app.AddBallotWorldAsync("矩阵页");
        var slip = await app.AddSlipAsync(world);
        var (client, _) = app.CookieClient();
        await client.OpenAsync(slip);

        var html = await client.GetHtmlAsync("/V/Ballot");

        Assert.Contains("矩阵页", html);
        Assert.Contains("请根据您的亲身感受如实评价。", html);
        // 7 items × 3 subjects in the matrix, plus one item for the member.
        Assert.Contains("本次评议共 22 项评价", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);
        foreach (var subjectId in world.MatrixSubjectIds)
        {
            foreach (var item in world.MatrixForm.Items)
            {
                Assert.Contains($"name=\"q_{subjectId}_{item.Key}\"", html);
            }
        }
        Assert.Contains($"name=\"q_{world.SingleSubjectId}_{world.SingleForm.Items.Single().Key}\"", html);
        // Every grade radio of the matrix says which subject and which level it is.
        foreach (var name in new[] { "甲医院", "乙医院", "甲医院党支部" })
        {
            Assert.Contains($"<legend class=\"m-subject\">{name}</legend>", html);
            Assert.Matches($"<span class=\"sr-only\">{name}：</span>\\s*<span>非常不满意</span>", html);
        }
        Assert.Contains("评议对象：<strong>甲成员（甲医院党支部）</strong>", html);
        var controls = Html.Control().Matches(html).Select(m => m.Value).Where(c => !c.Contains("type=\"hidden\"")).ToList();
        // Per subject: 3 + 5 grade levels, 6 score radios, 3 options, 3 boxes, 1 number, 1 text; then the member's 3 levels.
        Assert.Equal(3 * (3 + 5 + 6 + 3 + 3 + 1 + 1) + 3, controls.Count);
        foreach (var control in controls)
        {
            var id = Html.IdAttribute().Match(control);
            Assert.True(id.Success, $"an input without id: {control}");
            Assert.Contains($"for=\"{id.Groups[1].Value}\"", html);
        }
        Assert.Matches(PhoneBallotArrange.AntiForgery(), html);
    }

    [Fact]
    public async Task A_full_ballot_is_stored_once_per_assignment_and_answered_with_a_receipt()
    {
        var world = await app.AddBallotWorldAsync("完整提交");
        var slip = await app.AddSlipAsync(world);
        var (client, cookies) = app.CookieClient();
        await client.OpenAsync(slip);
        // A second tab holding the same cookie, to post again after the first succeeded.
        var (replay, _) = app.CookieClient(Copy(cookies));

        var response = await client.SubmitAsync(PhoneBallotArrange.FullAnswers(world, "<script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/V/Done", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(cookies.GetCookies(new Uri("http://localhost/V/Ballot")), c => c.Name == BallotAccess.CookieName);
        Assert.Equal(TokenState.Used, await app.TokenStateAsync(slip.TokenId));
        var ballots = await app.WithDbAsync(db => db.Ballots.Include(b => b.Answers).AsNoTracking()
            .Where(b => b.CampaignId == world.CampaignId).ToListAsync());
        Assert.Equal(2, ballots.Count);
        var matrix = ballots.Single(b => b.AssignmentId == world.MatrixAssignmentId);
        var single = ballots.Single(b => b.AssignmentId == world.SingleAssignmentId);
        Assert.Equal(world.MatrixForm.Id, matrix.FormVersionId);
        Assert.Equal(world.GroupId, matrix.RaterGroupId);
        Assert.Equal(BallotChannel.Online, matrix.Channel);
        Assert.Equal(app.Today(), matrix.SubmittedOn);
        Assert.Equal(3 * 7, matrix.Answers.Count);
        Assert.Equal(world.MatrixSubjectIds.Order(), matrix.Answers.Select(a => a.SubjectId).Distinct().Order());
        var text = world.MatrixForm.Items.Single(i => i.Kind == ItemKind.Text);
        var multiple = world.MatrixForm.Items.Single(i => i.Kind == ItemKind.MultipleChoice);
        var bigScore = world.MatrixForm.Items.Single(i => i.Kind == ItemKind.Score && i.MaxScore == 100);
        var first = world.MatrixSubjectIds[0];
        Assert.Equal($"<script>alert(1)</script>{first}", matrix.Answers.Single(a => a.SubjectId == first && a.ItemId == text.Id).Text);
        Assert.Equal(0b101, matrix.Answers.Single(a => a.SubjectId == first && a.ItemId == multiple.Id).Value);
        Assert.Equal(88, matrix.Answers.Single(a => a.SubjectId == first && a.ItemId == bigScore.Id).Value);
        Assert.Equal(world.SingleSubjectId, Assert.Single(single.Answers).SubjectId);
        Assert.Equal(matrix.ReceiptHash, single.ReceiptHash);

        var receiptPage = await client.GetHtmlAsync("/V/Done");
        var receipt = ReceiptPattern().Match(receiptPage);
        Assert.True(receipt.Success, receiptPage);
        Assert.Contains("凭回执码可查询您所提意见的处理和答复情况；回执码不能反查您的身份。", receiptPage);
        var key = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TokenKey>(app.Factory.Services);
        Assert.Equal(await key.HashAsync(receipt.Groups[1].Value.Replace("-", "")), matrix.ReceiptHash);

        var again = await replay.SubmitAsync(PhoneBallotArrange.FullAnswers(world));
        Assert.Contains("已提交", await again.BodyAsync(HttpStatusCode.Conflict));
        Assert.Contains("已提交", await (await replay.GetAsync("/V/Ballot")).BodyAsync(HttpStatusCode.Conflict));
        Assert.Equal(2, await app.BallotCountAsync(world.CampaignId));
    }

    [Fact]
    public async Task A_typed_short_code_opens_the_same_ballot_and_a_wrong_check_character_is_refused_first()
    {
        var world = await app.AddBallotWorldAsync("纸条码");
        var slip = await app.AddSlipAsync(world);
        var (client, _) = app.CookieClient();
        Assert.Contains("<label for=\"code\">评议码</label>", await client.GetHtmlAsync("/V"));

        var body = slip.ShortCode[..^1];
        var wrong = body + (slip.ShortCode[^1] == '2' ? '3' : '2');
        var refused = await client.PostFormAsync("/V", [new("code", TokenCodes.FormatShort(wrong))], tokenPage: "/V");
        var html = await refused.BodyAsync(HttpStatusCode.BadRequest);
        Assert.Contains(AccessMessages.Malformed, html);
        Assert.Contains(TokenCodes.FormatShort(wrong), html);

        var unknown = TokenCodes.NewShortCode();
        Assert.Contains(AccessMessages.Unknown, await (await client.PostFormAsync("/V", [new("code", unknown)], tokenPage: "/V")).BodyAsync(HttpStatusCode.NotFound));

        var typed = TokenCodes.FormatShort(slip.ShortCode).ToLowerInvariant().Replace("-", " - ");
        var response = await client.PostFormAsync("/V", [new("code", typed)], tokenPage: "/V");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/V/Ballot", response.Headers.Location!.OriginalString);
        Assert.Contains("纸条码", await client.GetHtmlAsync("/V/Ballot"));
    }

    [Fact]
    public async Task The_receipt_page_without_a_receipt_is_a_calm_notice()
    {
        var (client, _) = app.CookieClient();
        var html = await (await client.GetAsync("/V/Done")).BodyAsync(HttpStatusCode.BadRequest);
        Assert.Contains(AccessMessages.Expired, html);
        Assert.Contains("<body class=\"phone\">", html);
    }

    internal static System.Net.CookieContainer Copy(System.Net.CookieContainer cookies)
    {
        var copy = new System.Net.CookieContainer();
        copy.Add(cookies.GetAllCookies());
        return copy;
    }
}

public sealed class SqlitePhoneBallotTests(SqliteAppFixture app) : PhoneBallotTests<SqliteAppFixture>(app);

public sealed class PostgresPhoneBallotTests(PostgresAppFixture app) : PhoneBallotTests<PostgresAppFixture>(app);
