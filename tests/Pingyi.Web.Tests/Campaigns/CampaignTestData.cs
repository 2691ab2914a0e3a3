using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Campaigns;

/// <summary>Arranging campaigns for tests: forms inserted as rows, campaigns made through the pages or the API, plan snapshots.</summary>
internal static class CampaignTestData
{
    public static DateOnly Today(this AppFixture app) => DateOnly.FromDateTime(app.Clock.GetLocalNow().DateTime);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A complete one-item form owned by <paramref name="ownerId"/>; returns the form and its version.</summary>
    public static Task<(int FormId, int VersionId)> AddFormAsync(this AppFixture app, int ownerId, string title) =>
        app.WithDbAsync(async db =>
        {
            var form = new Form
            {
                OrganizationId = ownerId,
                CreatedUtc = DateTime.UtcNow,
                Versions =
                [
                    new FormVersion
                    {
                        Number = 1, Title = title, CreatedUtc = DateTime.UtcNow,
                        Sections =
                        [
                            new FormSection
                            {
                                Position = 1,
                                Items =
                                [
                                    new FormItem { Position = 1, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = "总体评价", Scale = GradeScale.Satisfaction3 },
                                    new FormItem { Position = 2, Key = FormRules.NewKey(), Kind = ItemKind.Text, Text = "意见建议", Required = false, MaxLength = 500 },
                                ],
                            },
                        ],
                    },
                ],
            };
            db.Forms.Add(form);
            await db.SaveChangesAsync();
            return (form.Id, form.Versions[0].Id);
        });

    /// <summary>Everything a structural change would touch, as one comparable string.</summary>
    public static Task<string> SnapshotAsync(this AppFixture app, int campaignId) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.Campaigns.AsNoTracking().WithPlan().SingleAsync(x => x.Id == campaignId);
            return string.Join("|", new[] { $"{c.Name}:{c.Year}:{c.Theme}:{c.StartsOn}:{c.EndsOn}:{c.MinGroupSize}:{c.State}:{c.OrganizationId}" }
                .Concat(c.Subjects.OrderBy(s => s.Id).Select(s => $"s{s.Id}:{s.OrganizationId}:{s.MemberId}"))
                .Concat(c.RaterGroups.OrderBy(g => g.Id).Select(g => $"g{g.Id}:{g.Kind}:{g.Name}:{g.PlannedCount}:{g.Weight}:{g.Position}"))
                .Concat(c.Assignments.OrderBy(a => a.Id).Select(a =>
                    $"a{a.Id}:{a.RaterGroupId}:{a.Direction}:{a.FormVersionId}:{string.Join(',', a.Subjects.Select(s => s.Id).Order())}")));
        });

    public static Task<int> CampaignCountAsync(this AppFixture app) => app.WithDbAsync(db => db.Campaigns.CountAsync());

    public static Dictionary<string, string> DetailsFields(int organizationId, string name, DateOnly startsOn, DateOnly endsOn,
        int k = 5, string? theme = null, int? year = null) => new()
        {
            ["Form.OrganizationId"] = organizationId.ToString(CultureInfo.InvariantCulture),
            ["Form.Name"] = name,
            ["Form.Year"] = (year ?? startsOn.Year).ToString(CultureInfo.InvariantCulture),
            ["Form.Theme"] = theme ?? "",
            ["Form.StartsOn"] = Iso(startsOn),
            ["Form.EndsOn"] = Iso(endsOn),
            ["Form.MinGroupSize"] = k.ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>Creates a draft through the create page and returns its id.</summary>
    public static async Task<int> CreateOnPageAsync(this AppFixture app, TestClient client, int organizationId, string name, string? theme = null)
    {
        var response = await client.PostFormAsync("/Campaigns/Create",
            DetailsFields(organizationId, name, app.Today(), app.Today().AddDays(20), theme: theme));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>A complete plan: one group of service recipients rating every subject with one form.</summary>
    public static object SimplePlan(this AppFixture app, int organizationId, string name, int formId, int[] organizationIds, int[]? memberIds = null) => new
    {
        organizationId,
        name,
        year = app.Today().Year,
        startsOn = Iso(app.Today()),
        endsOn = Iso(app.Today().AddDays(30)),
        subjects = new { organizationIds, memberIds = memberIds ?? [] },
        groups = new[] { new { kind = "ServiceRecipient", name = (string?)null, plannedCount = 50, weight = 100 } },
        assignments = new[] { new { groupIndex = 0, direction = "ServiceRecipients", formId, organizationIds, memberIds = memberIds ?? [] } },
    };

    public static async Task<int> CreateViaApiAsync(this TestClient client, object request)
    {
        var response = await client.Http.PostAsJsonAsync("/api/campaigns", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>The Chinese messages of a validation problem, all in one string.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {body[..Math.Min(300, body.Length)]}");
        var problem = JsonDocument.Parse(body).RootElement;
        var errors = problem.TryGetProperty("errors", out var e)
            ? e.EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(x => x.GetString())
            : [];
        return string.Join(" ", errors.Prepend(problem.GetProperty("title").GetString()));
    }

    public static KeyValuePair<string, string> F(string key, object value) => new(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
}
