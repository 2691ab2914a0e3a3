using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Problems, measures, opinions and flags put straight into the database for the oversight tests.</summary>
public static class OversightArrange
{
    public static string Tag() => Guid.NewGuid().ToString("N")[..6];

    public static async Task<int> OrgAsync(this AppFixture app, string name, int parentId) =>
        (await app.AddOrganizationAsync($"OV{Tag()}", name, parentId, OrganizationKind.Unit, UnitType.Hospital)).Id;

    public static Task<int> ProblemAsync(this AppFixture app, int organizationId, string title, string? reply = null, DateTime? createdUtc = null,
        int? campaignId = null) =>
        app.WithDbAsync(async db =>
        {
            var p = new Problem
            {
                OrganizationId = organizationId,
                Title = title,
                Description = "问题描述",
                Reply = reply,
                RepliedOn = reply is null ? null : app.Today(),
                CampaignId = campaignId,
                CreatedBy = "sys",
                CreatedUtc = createdUtc ?? DateTime.UtcNow,
            };
            db.Problems.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    public static Task<int> MeasureAsync(this AppFixture app, int problemId, int responsibleId, string text, DateOnly setOn, DateOnly deadline,
        MeasureState state = MeasureState.InProgress, DateOnly? verifiedOn = null) =>
        app.WithDbAsync(async db =>
        {
            var m = new Measure
            {
                ProblemId = problemId,
                ResponsibleOrganizationId = responsibleId,
                ResponsiblePerson = "张三",
                Text = text,
                SetOn = setOn,
                Deadline = deadline,
                State = state,
                VerifiedOn = verifiedOn,
            };
            db.Measures.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    public static Task<Guid> OpinionAsync(this AppFixture app, int organizationId, OpinionSource source, DateOnly receivedOn,
        string? reply = null, Guid? mergedInto = null, int? problemId = null, ReRating? reRating = null) =>
        app.WithDbAsync(async db =>
        {
            var o = new Opinion
            {
                Id = Guid.NewGuid(),
                OrganizationId = organizationId,
                Source = source,
                Text = "意见",
                ReceivedOn = receivedOn,
                Reply = reply,
                RepliedOn = reply is null ? null : receivedOn,
                MergedIntoId = mergedInto,
                ProblemId = problemId,
                ReRating = reRating,
            };
            db.Opinions.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

    /// <summary>A confirmed flag on <paramref name="organizationId"/> in a fresh campaign run by the bureau.</summary>
    public static Task<int> FlagAsync(this AppFixture app, int organizationId, OrganizationFlagKind kind, string evidence = "满意率61.0%，低于70%") =>
        app.WithDbAsync(async db =>
        {
            var today = app.Today();
            var campaign = new Campaign
            {
                OrganizationId = app.BureauId,
                Name = $"认定活动{Tag()}",
                Year = today.Year,
                StartsOn = today.AddDays(-30),
                EndsOn = today.AddDays(-1),
                State = CampaignState.Closed,
                CreatedUtc = DateTime.UtcNow,
                Subjects = [new CampaignSubject { OrganizationId = organizationId }],
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            var flag = new OrganizationFlag
            {
                CampaignId = campaign.Id,
                OrganizationId = organizationId,
                Kind = kind,
                State = OrganizationFlagState.Confirmed,
                Evidence = evidence,
                DecidedBy = "sys",
                DecidedUtc = DateTime.UtcNow,
            };
            db.OrganizationFlags.Add(flag);
            await db.SaveChangesAsync();
            return flag.Id;
        });

    /// <summary>The day <paramref name="days"/> working days before today (weekdays only: the tests configure no holidays).</summary>
    public static DateOnly WorkingDaysAgo(this AppFixture app, int days)
    {
        var today = app.Today();
        var day = today;
        while (WorkCalendar.WeekdaysOnly.WorkingDaysBetween(day, today) < days || !WorkCalendar.WeekdaysOnly.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    public static KeyValuePair<string, string> F(string key, object? value) => new(key, value?.ToString() ?? "");
}
