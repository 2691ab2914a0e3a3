using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Reports;
using Pingyi.Web.Cli;
using Pingyi.Web.Features.Reports;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Reports;

/// <summary>Building reports in process, as the page and the CLI build them, and a writer that stands in for docx/xlsx.</summary>
internal static class ReportArrange
{
    /// <summary>The report as the system administrator (or, given <paramref name="orgAdminOf"/>, an administrator of that organisation) would get it.</summary>
    public static async Task<BuiltReport?> BuildAsync(this AppFixture app, int? organizationId, int? campaignId, int year = 0, int? orgAdminOf = null)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        // Set inside this method, so the principal never leaks into the test's own flow.
        CliOperator.SignIn(sp);
        if (orgAdminOf is { } org)
        {
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext!.User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "test-admin"),
                new Claim(ClaimTypes.Role, Roles.OrgAdmin),
                new Claim(AppClaimsFactory.OrganizationClaim, org.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ], "test"));
        }
        var target = await sp.GetRequiredService<ReportTargets>().ResolveAsync(organizationId, campaignId, year);
        return target is null ? null : await sp.GetRequiredService<ReportCommands>().BuildAsync(target);
    }

    public static string AllText(this ReportDocument d) =>
        string.Join("\n", new[] { d.Title, d.Issuer }
            .Concat(d.Sections.SelectMany(s => s.Paragraphs
                .Concat(s.Tables.SelectMany(t => t.Rows.SelectMany(r => r).Concat(t.Header).Append(t.Caption).Append(t.Note ?? "")))
                .Concat(s.Charts.SelectMany(c => c.Bars.Select(b => b.Label)))))
            .Concat(d.Sources.Select(s => $"{s.Figure} {s.Value} {s.Page}")));

    public static string Paragraphs(this ReportDocument d) => string.Join("\n", d.Sections.SelectMany(s => s.Paragraphs));

    public static ReportTable Table(this ReportDocument d, string sheet) => d.Sections.SelectMany(s => s.Tables).Single(t => t.SheetName == sheet);
}

/// <summary>A writer of a made-up format, so the download and the CLI can be tested before the real writers exist.</summary>
internal sealed class TextReportWriter : IReportWriter
{
    public string Format => "txt";

    public string ContentType => "text/plain; charset=utf-8";

    public string Extension => ".txt";

    public byte[] Write(ReportDocument document) => System.Text.Encoding.UTF8.GetBytes(document.AllText());
}
