using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using Pingyi.Web.Tests.Results;

namespace Pingyi.Web.Tests.Publishing;

internal static partial class PublicationArrange
{
    [GeneratedRegex("id=\"receipt-code\">([A-Z0-9-]+)<")]
    private static partial Regex ReceiptPattern();

    public static string I(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A closed campaign run by <paramref name="runBy"/>: one group, its subjects with 10, 6 and 2 ballots in that order.</summary>
    public static async Task<ResultCampaign> ClosedCampaignAsync(this AppFixture app, TestClient sys, int runBy, string name, params int[] subjects)
    {
        var c = await app.CreateResultCampaignAsync(sys, runBy, name, [("ServiceRecipient", null, 100)],
            [.. subjects.Select(s => (0, new[] { s }))]);
        int[] counts = [10, 6, 2];
        for (var i = 0; i < subjects.Length; i++)
        {
            await app.InsertAsync(c, i, [.. new Vote(i + 1).Times(counts[i])]);
        }
        await BallotArrange.SetStateAsync(sys, c.Id, "Open");
        await BallotArrange.SetStateAsync(sys, c.Id, "Closed");
        return c;
    }

    public static Task<HttpResponseMessage> PublishAsync(this TestClient client, int campaignId, string days = "5", string note = "", string showProblems = "true") =>
        client.PostFormAsync($"/Publications/New?campaignId={campaignId}",
            [new("CampaignId", I(campaignId)), new("NoticeDays", days), new("Note", note), new("ShowProblems", showProblems)]);

    /// <summary>Publishes through the form and returns the new notice's id.</summary>
    public static async Task<int> PublishedAsync(this TestClient client, AppFixture app, int campaignId, string days = "5")
    {
        var response = await client.PublishAsync(campaignId, days);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Publications.Where(p => p.CampaignId == campaignId && p.State != PublicationState.Withdrawn)
            .Select(p => p.Id).SingleAsync());
    }

    public static Task<HttpResponseMessage> ActAsync(this TestClient client, int publicationId, string handler, params (string Key, string Value)[] fields) =>
        client.PostFormAsync($"/Publications/Detail/{publicationId}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static Task<HttpResponseMessage> LodgeAsync(this TestClient client, int publicationId, string text, string subject = "") =>
        client.PostFormAsync($"/Gongshi/{publicationId}", [new("SubjectId", subject), new("Text", text)], tokenPage: $"/Gongshi/{publicationId}");

    /// <summary>Lodges an objection as the public does and reads the receipt shown once on the next page.</summary>
    public static async Task<string> LodgedAsync(this TestClient client, int publicationId, string text, string subject = "")
    {
        var response = await client.LodgeAsync(publicationId, text, subject);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        Assert.Equal("/Gongshi/Done", response.Headers.Location!.OriginalString);
        var done = await client.GetHtmlAsync("/Gongshi/Done");
        return ReceiptPattern().Match(done).Groups[1].Value;
    }

    /// <summary>Moves the notice's period into the past, as if it had been published days ago.</summary>
    public static Task EndPeriodAsync(this AppFixture app, int publicationId) =>
        app.WithDbAsync(db => db.Publications.Where(p => p.Id == publicationId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.StartsOn, app.Today().AddDays(-10))
            .SetProperty(p => p.EndsOn, app.Today().AddDays(-1))));

    public static Task<Guid> AddObjectionAsync(this AppFixture app, int publicationId, string text) =>
        app.WithDbAsync(async db =>
        {
            var o = new Objection { Id = Guid.NewGuid(), PublicationId = publicationId, Text = text, ReceivedOn = app.Today(), ReceiptHash = Guid.NewGuid().ToString("N") };
            db.Objections.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

    public static Task<(PublicationState Publication, CampaignState Campaign)> StatesAsync(this AppFixture app, int publicationId) =>
        app.WithDbAsync(async db =>
        {
            var p = await db.Publications.AsNoTracking().SingleAsync(x => x.Id == publicationId);
            return (p.State, await db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => c.State).SingleAsync());
        });

    /// <summary>The rate and interval cells of a subject's row in a notice table.</summary>
    public static (string Rate, string Interval) Row(string html, string subject)
    {
        var m = Regex.Match(html, $"<th scope=\"row\">{Regex.Escape(subject)}</th>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>");
        Assert.True(m.Success, $"no row for {subject}");
        return (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value));
    }
}
