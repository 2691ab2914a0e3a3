using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Arranging problems and measures: opinions as rows, problems and measures through the pages.</summary>
internal static class MeasureArrange
{
    public static Task<Guid> AddMeasureOpinionAsync(this AppFixture app, int organizationId, string text, Guid? mergedInto = null) =>
        app.WithDbAsync(async db =>
        {
            var opinion = new Opinion
            {
                Id = Guid.NewGuid(),
                Source = OpinionSource.Hotline,
                OrganizationId = organizationId,
                Text = text,
                ReceivedOn = new DateOnly(2026, 3, 1),
                MergedIntoId = mergedInto,
                RecordedBy = "test",
            };
            db.Opinions.Add(opinion);
            await db.SaveChangesAsync();
            return opinion.Id;
        });

    public static async Task<int> NewProblemAsync(this TestClient client, string title, int organizationId, params Guid[] opinions)
    {
        var fields = opinions.Select(o => new KeyValuePair<string, string>("opinions", o.ToString()))
            .Append(new("ProblemTitle", title)).Append(new("Description", "描述")).Append(new("OrganizationId", organizationId.ToString()))
            .Append(new("CampaignId", "")).Append(new("CategoryId", ""));
        var response = await client.PostFormAsync("/Problems/New", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static Task<HttpResponseMessage> PostMeasureAsync(this TestClient client, int problemId, int organizationId,
        string text = "整改措施", string person = "张三", string days = "15") =>
        client.PostFormAsync($"/Problems/Detail/{problemId}?handler=AddMeasure", new Dictionary<string, string>
        {
            ["MeasureText"] = text,
            ["ResponsibleOrganizationId"] = organizationId.ToString(),
            ["ResponsiblePerson"] = person,
            ["DeadlineDays"] = days,
        });

    public static async Task<int> AddMeasureAsync(this AppFixture app, TestClient client, int problemId, int organizationId, string days = "15")
    {
        var response = await client.PostMeasureAsync(problemId, organizationId, days: days);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Measures.Where(m => m.ProblemId == problemId).MaxAsync(m => m.Id));
    }

    public static Task<HttpResponseMessage> ActAsync(this TestClient client, int measureId, string handler, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync($"/Measures/Detail/{measureId}?handler={handler}", fields ?? []);

    public static Task<HttpResponseMessage> SubmitAsync(this TestClient client, int measureId, string evidence = "已完成整改") =>
        client.ActAsync(measureId, "Submit", new() { ["Evidence"] = evidence });

    public static Task<HttpResponseMessage> VerifyAsync(this TestClient client, int measureId, string inPlace = "yes",
        string reasonable = "yes", string effective = "yes", string remark = "") =>
        client.ActAsync(measureId, "Verify", new()
        {
            ["InPlace"] = inPlace,
            ["InPlaceRemark"] = remark,
            ["Reasonable"] = reasonable,
            ["ReasonableRemark"] = remark,
            ["Effective"] = effective,
            ["EffectiveRemark"] = remark,
        });

    /// <summary>Submits with a file whose name goes in filename* (RFC 5987), so any character reaches the server.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this TestClient client, int measureId, string fileName, byte[] content)
    {
        var token = await client.TokenAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("附件为证"), "Evidence" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
        form.Add(file);
        return await client.Http.PostAsync($"/Measures/Detail/{measureId}?handler=Submit", form);
    }

    public static Task<MeasureState> StateAsync(this AppFixture app, int measureId) =>
        app.WithDbAsync(db => db.Measures.Where(m => m.Id == measureId).Select(m => m.State).SingleAsync());

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
