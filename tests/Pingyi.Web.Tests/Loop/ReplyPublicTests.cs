using System.Net;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Loop.Replies;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>反馈公开: replied problems for anyone, newest first, by organisation, inert, and never an opinion's text.</summary>
public abstract class ReplyPublicTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Replied_problems_are_public_without_opinion_texts_and_hostile_text_is_inert()
    {
        var org = await app.AddOrganizationAsync("PUB1", "公开反馈医院", app.BureauId);
        var problem = await app.AddProblemAsync(org.Id, "公开反馈问题<i>斜</i>", "<script>alert('公开')</script>已整改",
            (org.Id, MeasureState.Verified), (org.Id, MeasureState.InProgress));
        await app.AddReplyOpinionAsync(org.Id, "公开页不可见的意见原文", (await app.NewReceiptAsync()).Hash, problem.Id);
        await app.AddProblemAsync(org.Id, "公开页未反馈问题");

        using var client = app.CreateClient();
        var html = await client.GetHtmlAsync($"/Replies?org={org.Id}");
        Assert.Contains("公开反馈问题&lt;i&gt;斜&lt;/i&gt;", html);
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("公开反馈医院", html);
        Assert.Contains("整改措施已验收 1/2", html);
        Assert.Contains($"反馈日期：{app.Today():yyyy-MM-dd}", html);
        Assert.DoesNotContain("公开页不可见的意见原文", html);
        Assert.DoesNotContain("公开页未反馈问题", html);
        Assert.Contains("共 1 条", html);
        Assert.Contains($"<option value=\"{org.Id}\" selected>公开反馈医院</option>", html);
    }

    [Fact]
    public async Task The_list_is_newest_first_paged_and_filtered_by_organisation_subtree()
    {
        var org = await app.AddOrganizationAsync("PUB2", "分页反馈医院", app.BureauId);
        var branch = await app.AddOrganizationAsync("PUB2-ZB", "分页反馈支部", org.Id);
        var other = await app.AddOrganizationAsync("PUB3", "其他反馈医院", app.BureauId);
        for (var i = 1; i <= PublicReplies.PageSize; i++)
        {
            await app.AddProblemAsync(org.Id, $"分页问题{i:00}", $"分页反馈{i:00}");
        }
        await app.AddProblemAsync(branch.Id, "支部分页问题", "支部分页反馈");
        await app.AddProblemAsync(other.Id, "其他单位问题", "其他单位反馈");

        using var client = app.CreateClient();
        var first = await client.GetHtmlAsync($"/Replies?org={org.Id}");
        Assert.Contains($"共 {PublicReplies.PageSize + 1} 条", first);
        Assert.DoesNotContain("其他单位问题", first);
        // Same reply day: the later-made problem comes first, so the branch's is on top and 01 falls to page 2.
        Assert.True(first.IndexOf("支部分页问题", StringComparison.Ordinal) < first.IndexOf("分页问题20", StringComparison.Ordinal));
        Assert.DoesNotContain("分页问题01", first);
        Assert.Contains($"href=\"/Replies?org={org.Id}&amp;p=2\"", first);
        var second = await client.GetHtmlAsync($"/Replies?org={org.Id}&p=2");
        Assert.Contains("分页问题01", second);
        Assert.DoesNotContain("分页问题02", second);

        Assert.Contains("共 0 条", await client.GetHtmlAsync("/Replies?org=999999"));
        var malformed = await client.GetAsync("/Replies?org=abc&p=-3");
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
    }
}

public sealed class SqliteReplyPublicTests(SqliteAppFixture app) : ReplyPublicTests<SqliteAppFixture>(app);

public sealed class PostgresReplyPublicTests(PostgresAppFixture app) : ReplyPublicTests<PostgresAppFixture>(app);
