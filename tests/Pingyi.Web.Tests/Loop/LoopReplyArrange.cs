using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>A receipt as the rater holds it and as the database keeps it.</summary>
internal sealed record HeldReceipt(string Code, string Hash);

/// <summary>Problems, measures, opinions and receipts arranged straight in the database, and the lookup as a phone would do it.</summary>
internal static partial class LoopReplyArrange
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"[^\"]*\"")]
    private static partial Regex AntiForgeryField();

    public static async Task<HeldReceipt> NewReceiptAsync(this AppFixture app)
    {
        var code = TokenCodes.NewReceipt();
        return new HeldReceipt(code, await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(code));
    }

    public static Task<Problem> AddProblemAsync(this AppFixture app, int organizationId, string title, string? reply = null,
        params (int Responsible, MeasureState State)[] measures) =>
        app.WithDbAsync(async db =>
        {
            var today = app.Today();
            var problem = new Problem
            {
                OrganizationId = organizationId,
                Title = title,
                Description = title + "的描述",
                Reply = reply,
                RepliedOn = reply is null ? null : today,
                RepliedBy = reply is null ? null : "sys",
                CreatedBy = "sys",
                CreatedUtc = DateTime.UtcNow,
                Measures = measures.Select((m, i) => new Measure
                {
                    Text = $"{title}措施{i + 1}",
                    ResponsibleOrganizationId = m.Responsible,
                    ResponsiblePerson = "张三",
                    SetOn = today,
                    Deadline = today.AddDays(21),
                    State = m.State,
                    VerifiedOn = m.State == MeasureState.Verified ? today : null,
                }).ToList(),
            };
            db.Problems.Add(problem);
            await db.SaveChangesAsync();
            return problem;
        });

    public static Task<Opinion> AddReplyOpinionAsync(this AppFixture app, int organizationId, string text, string? receiptHash,
        int? problemId = null, Guid? mergedInto = null, string? reply = null) =>
        app.WithDbAsync(async db =>
        {
            var opinion = new Opinion
            {
                Id = Guid.NewGuid(),
                Source = receiptHash is null ? OpinionSource.Letter : OpinionSource.Ballot,
                OrganizationId = organizationId,
                Text = text,
                ReceivedOn = app.Today(),
                ReceiptHash = receiptHash,
                ProblemId = problemId,
                MergedIntoId = mergedInto,
                Reply = reply,
                RepliedOn = reply is null ? null : app.Today(),
                RecordedBy = receiptHash is null ? "sys" : null,
            };
            db.Opinions.Add(opinion);
            await db.SaveChangesAsync();
            return opinion;
        });

    /// <summary>Types a code into /Receipt as a browser posts the form.</summary>
    public static Task<HttpResponseMessage> LookUpAsync(this TestClient client, string code) =>
        client.PostFormAsync("/Receipt", [new("code", code)], tokenPage: "/Receipt");

    /// <summary>Looks a code up, checks the 303 carries nothing but the page's address, and reads the holder's page.</summary>
    public static async Task<string> ViewAsync(this TestClient client, string code)
    {
        var response = await client.LookUpAsync(code);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/Receipt/View", response.Headers.Location!.OriginalString);
        return await client.GetHtmlAsync("/Receipt/View");
    }

    public static Task<HttpResponseMessage> RateAsync(this TestClient client, Guid opinionId, string rating) =>
        client.PostFormAsync("/Receipt/View?handler=Rate", [new("opinion", opinionId.ToString()), new("rating", rating)], tokenPage: "/Receipt");

    /// <summary>A page's body without its per-request anti-forgery value, so two answers can be compared whole.</summary>
    public static string WithoutAntiForgery(string html) => AntiForgeryField().Replace(html, "");
}
