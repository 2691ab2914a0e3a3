using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

public static class OpinionArrange
{
    public static Task<Guid> AddOpinionAsync(this AppFixture app, int organizationId, string text,
        OpinionSource source = OpinionSource.Letter, int? campaignId = null, Action<Opinion>? change = null) =>
        app.WithDbAsync(async db =>
        {
            var opinion = new Opinion
            {
                Id = Guid.NewGuid(),
                Source = source,
                OrganizationId = organizationId,
                CampaignId = campaignId,
                Text = text,
                ReceivedOn = app.Today(),
                RecordedBy = source is OpinionSource.Ballot or OpinionSource.PublicBox ? null : "test",
            };
            change?.Invoke(opinion);
            db.Opinions.Add(opinion);
            await db.SaveChangesAsync();
            return opinion.Id;
        });

    public static Task<Opinion> OpinionAsync(this AppFixture app, Guid id) =>
        app.WithDbAsync(db => db.Opinions.AsNoTracking().SingleAsync(o => o.Id == id));

    /// <summary>Every opinion and category as text, to show that a refused request changed nothing.</summary>
    public static Task<string> OpinionsSnapshotAsync(this AppFixture app) =>
        app.WithDbAsync(async db => JsonSerializer.Serialize(new
        {
            Opinions = await db.Opinions.AsNoTracking().OrderBy(o => o.Id).ToListAsync(),
            Categories = await db.OpinionCategories.AsNoTracking().OrderBy(c => c.Id).ToListAsync(),
        }));

    public static List<KeyValuePair<string, string>> StaffFields(int organizationId, string text, string? receivedOn = null,
        string source = "Letter", string? categoryId = null, bool receipt = false, string? note = null, string? campaignId = null, string? meetingId = null) =>
    [
        new("Form.Source", source),
        new("Form.OrganizationId", organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Form.CampaignId", campaignId ?? ""),
        new("Form.MeetingId", meetingId ?? ""),
        new("Form.CategoryId", categoryId ?? ""),
        new("Form.Text", text),
        new("Form.ReceivedOn", receivedOn ?? ""),
        new("Form.SourceNote", note ?? ""),
        .. receipt ? [new KeyValuePair<string, string>("Form.IssueReceipt", "true")] : Array.Empty<KeyValuePair<string, string>>(),
    ];

    public static string I(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
