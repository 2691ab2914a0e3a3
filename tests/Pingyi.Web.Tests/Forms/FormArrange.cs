using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Forms;

/// <summary>Forms and campaigns put straight into the database, and reads of what the app stored.</summary>
internal static class FormArrange
{
    public static FormItem Item(ItemKind kind, string text, Action<FormItem>? set = null)
    {
        var item = new FormItem { Kind = kind, Text = text };
        set?.Invoke(item);
        FormRules.ApplyDefaults(item);
        return item;
    }

    /// <summary>Two sections holding one item of every kind: a 3-level and a 5-level grade, small and large scores, choices, text.</summary>
    public static FormVersion Sample(string title) => new()
    {
        Title = title,
        Description = "请根据您的亲身感受如实评价。",
        Sections =
        [
            new FormSection
            {
                Position = 1,
                Title = "一、服务",
                Items =
                [
                    Item(ItemKind.Grade, $"{title}挂号流程", i => i.Help = "从取号到就诊的等候时间"),
                    Item(ItemKind.Grade, $"{title}医德医风", i => i.Scale = GradeScale.Satisfaction5),
                    Item(ItemKind.Score, $"{title}就医环境", i => { i.MaxScore = 5; i.Weight = 2; }),
                ],
            },
            new FormSection
            {
                Position = 2,
                Title = "二、其他",
                Items =
                [
                    Item(ItemKind.Score, $"{title}综合评分", i => i.MaxScore = 100),
                    Item(ItemKind.SingleChoice, $"{title}就诊科室", i => i.Options = ["内科", "外科", "儿科"]),
                    Item(ItemKind.MultipleChoice, $"{title}希望改进", i => { i.Options = ["停车", "饮食", "指引"]; i.MaxChoices = 2; }),
                    Item(ItemKind.Text, $"{title}意见建议", i => { i.Required = false; i.MaxLength = 300; }),
                ],
            },
        ],
    };

    public static async Task<(int FormId, int VersionId)> AddFormAsync(this AppFixture app, int organizationId, FormVersion version)
    {
        for (var s = 0; s < version.Sections.Count; s++)
        {
            version.Sections[s].Position = s + 1;
            for (var i = 0; i < version.Sections[s].Items.Count; i++)
            {
                version.Sections[s].Items[i].Position = i + 1;
            }
        }
        version.Number = 1;
        version.CreatedUtc = DateTime.UtcNow;
        var form = new Form { OrganizationId = organizationId, CreatedUtc = DateTime.UtcNow, Versions = [version] };
        await app.WithDbAsync(async db =>
        {
            db.Forms.Add(form);
            await db.SaveChangesAsync();
        });
        return (form.Id, version.Id);
    }

    public static Task<FormVersion?> VersionAsync(this AppFixture app, int formId, int number) =>
        app.WithDbAsync(db => db.FormVersions.Include(v => v.Sections).ThenInclude(s => s.Items).AsNoTracking()
            .FirstOrDefaultAsync(v => v.FormId == formId && v.Number == number));

    public static Task<FormVersion> CurrentAsync(this AppFixture app, int formId) =>
        app.WithDbAsync(async db =>
        {
            var number = await db.FormVersions.Where(v => v.FormId == formId).MaxAsync(v => v.Number);
            return await db.FormVersions.Include(v => v.Sections).ThenInclude(s => s.Items).AsNoTracking()
                .SingleAsync(v => v.FormId == formId && v.Number == number);
        });

    public static Task FreezeAsync(this AppFixture app, int versionId) =>
        app.WithDbAsync(async db =>
        {
            var version = await db.FormVersions.SingleAsync(v => v.Id == versionId);
            version.FrozenUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });

    /// <summary>A campaign of the organisation in the given state whose one assignment uses the version; returns the assignment id.</summary>
    public static Task<int> AddCampaignAsync(this AppFixture app, int organizationId, string name, CampaignState state, int versionId) =>
        app.WithDbAsync(async db =>
        {
            var group = new RaterGroup { Kind = RaterGroupKind.ServiceRecipient, Name = "服务对象", PlannedCount = 10, Weight = 100, Position = 1 };
            var assignment = new Assignment { RaterGroup = group, Direction = Direction.ServiceRecipients, FormVersionId = versionId };
            var campaign = new Campaign
            {
                OrganizationId = organizationId,
                Name = name,
                Year = 2025,
                State = state,
                CreatedUtc = DateTime.UtcNow,
                StartsOn = new DateOnly(2025, 1, 1),
                EndsOn = new DateOnly(2025, 12, 31),
                RaterGroups = [group],
                Assignments = [assignment],
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return assignment.Id;
        });

    /// <summary>Everything stored about forms, to prove a refusal changed nothing.</summary>
    public static Task<string> FormsSnapshotAsync(this AppFixture app) =>
        app.WithDbAsync(async db =>
        {
            var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Id).Select(f => $"{f.Id}:{f.OrganizationId}:{f.IsArchived}").ToListAsync();
            var versions = await db.FormVersions.AsNoTracking().OrderBy(v => v.Id)
                .Select(v => $"{v.Id}:{v.FormId}:{v.Number}:{v.Title}:{v.Description}:{v.FrozenUtc}").ToListAsync();
            var sections = await db.FormSections.AsNoTracking().OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.FormVersionId}:{s.Position}:{s.Title}").ToListAsync();
            var items = (await db.FormItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
                .Select(i => $"{i.Id}:{i.SectionId}:{i.Position}:{i.Key}:{i.Kind}:{i.Text}:{i.Help}:{i.Required}:{i.Scale}:{i.MaxScore}:{i.Weight}:{i.MaxLength}:{i.MaxChoices}:{string.Join(",", i.Options)}");
            var assignments = await db.Assignments.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.FormVersionId}").ToListAsync();
            return string.Join("|", forms.Concat(versions).Concat(sections).Concat(items).Concat(assignments));
        });

    /// <summary>The form id of a redirect to /Forms/Details/{id}.</summary>
    public static int DetailsId(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Forms/Details/", location);
        return int.Parse(location["/Forms/Details/".Length..].Split('?', '#')[0]);
    }

    /// <summary>The item fields as the editor posts them.</summary>
    public static Dictionary<string, string> ItemFields(ItemKind kind, string text, string? help = null, bool required = true,
        int scale = 3, int maxScore = 10, int weight = 1, int maxLength = 500, int maxChoices = 0, string options = "") => new()
        {
            ["Item.Kind"] = ((int)kind).ToString(),
            ["Item.Text"] = text,
            ["Item.Help"] = help ?? "",
            ["Item.Required"] = required ? "true" : "false",
            ["Item.Scale"] = scale.ToString(),
            ["Item.MaxScore"] = maxScore.ToString(),
            ["Item.Weight"] = weight.ToString(),
            ["Item.MaxLength"] = maxLength.ToString(),
            ["Item.MaxChoices"] = maxChoices.ToString(),
            ["Item.Options"] = options,
        };
}
