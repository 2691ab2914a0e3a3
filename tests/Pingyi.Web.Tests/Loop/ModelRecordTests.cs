using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Results;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Loop.OversightArrange;

namespace Pingyi.Web.Tests.Loop;

/// <summary>先进典型: recorded by a superior from a confirmed flag (evidence prefilled) or by hand.</summary>
public abstract class ModelRecordTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private Task<int> CountAsync(int organizationId) => app.WithDbAsync(db => db.ModelRecords.CountAsync(m => m.OrganizationId == organizationId));

    [Fact]
    public async Task A_superior_records_a_model_from_a_flag_with_its_evidence()
    {
        var org = await app.OrgAsync("典型院" + Tag(), app.BureauId);
        var flag = await app.FlagAsync(org, OrganizationFlagKind.Model, "满意率98.5%（95%区间96.0%–99.4%）");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Contains("满意率98.5%（95%区间96.0%–99.4%）</textarea>", await sys.GetHtmlAsync($"/Models/New?flagId={flag}"));
        // A weak flag is no model flag.
        var weak = await app.FlagAsync(org, OrganizationFlagKind.Weak);
        Assert.Equal(HttpStatusCode.NotFound, (await sys.GetAsync($"/Models/New?flagId={weak}")).StatusCode);

        var done = await sys.PostFormAsync("/Models/New", [F("FlagId", flag), F("Title", "群众满意窗口"), F("Evidence", "满意率98.5%"), F("Deeds", "一站式服务")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var record = await app.WithDbAsync(db => db.ModelRecords.AsNoTracking().SingleAsync(m => m.OrganizationId == org));
        Assert.Equal((flag, "群众满意窗口", "sys"), (record.FlagId, record.Title, record.RecordedBy));
        Assert.NotNull(record.CampaignId);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ModelRecordCreate && e.ObjectId == record.Id.ToString())));
    }

    [Fact]
    public async Task By_hand_only_for_an_organisation_below_with_every_field_checked_and_shown_inert()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        async Task Refused(IEnumerable<KeyValuePair<string, string>> fields, string message)
        {
            var response = await admin.PostFormAsync("/Models/New", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
        var before = await CountAsync(app.BranchAId);
        await Refused([F("OrganizationId", app.UnitAId), F("Title", "自荐"), F("Evidence", "依据"), F("Deeds", "事迹")], "只有上级组织可以记录先进典型。");
        await Refused([F("OrganizationId", app.BranchAId), F("Title", "标题"), F("Evidence", "依据"), F("Deeds", "")], "请填写标题、依据和事迹。");
        await Refused([F("OrganizationId", app.BranchAId), F("Title", new string('题', 101)), F("Evidence", "依据"), F("Deeds", "事迹")], "标题不能超过100字。");
        await Refused([F("OrganizationId", app.BranchAId), F("Title", "标题"), F("Evidence", new string('据', 2001)), F("Deeds", "事迹")], "依据和事迹各不能超过2000字。");
        await Refused([F("OrganizationId", "x"), F("Title", "标题"), F("Evidence", "依据"), F("Deeds", "事迹")], "填写的内容格式不正确，请检查后重试。");
        Assert.Equal(before, await CountAsync(app.BranchAId));
        Assert.Equal(0, await CountAsync(app.UnitAId));

        const string Hostile = "<script>alert('x')</script>先锋支部";
        var done = await admin.PostFormAsync("/Models/New", [F("OrganizationId", app.BranchAId), F("Title", Hostile), F("Evidence", "连续三年满意率第一"), F("Deeds", "<b>事迹</b>")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var list = await admin.GetHtmlAsync("/Models");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;先锋支部", list);
        Assert.Contains("&lt;b&gt;事迹&lt;/b&gt;", list);
        Assert.DoesNotContain(Hostile, list);
    }

    [Fact]
    public async Task A_neighbours_organisation_or_flag_answers_404_and_nothing_is_stored()
    {
        var flagB = await app.FlagAsync(app.BranchBId, OrganizationFlagKind.Model);
        await app.WithDbAsync(async db =>
        {
            db.ModelRecords.Add(new Pingyi.Domain.Loop.ModelRecord
            {
                OrganizationId = app.UnitBId,
                Title = "乙院典型",
                Evidence = "依据",
                Deeds = "事迹",
                RecordedOn = DateOnly.FromDateTime(DateTime.Today),
                RecordedBy = "sys",
            });
            await db.SaveChangesAsync();
        });
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Models/New?flagId={flagB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/Models/New", [F("FlagId", flagB), F("Title", "越权"), F("Evidence", "依据"), F("Deeds", "事迹")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/Models/New", [F("OrganizationId", app.BranchBId), F("Title", "越权"), F("Evidence", "依据"), F("Deeds", "事迹")])).StatusCode);
        Assert.Equal(0, await CountAsync(app.BranchBId));
        Assert.DoesNotContain("乙院典型", await admin.GetHtmlAsync("/Models"));
    }
}

public sealed class SqliteModelRecordTests(SqliteAppFixture app) : ModelRecordTests<SqliteAppFixture>(app);

public sealed class PostgresModelRecordTests(PostgresAppFixture app) : ModelRecordTests<PostgresAppFixture>(app);
