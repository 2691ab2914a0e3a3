using System.Globalization;
using System.Security.Claims;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Reports;

/// <summary>
/// An <see cref="OrgScope"/> narrowed to one organisation of the caller's subtree, so the report
/// reuses the results, meeting-count and loop queries exactly as an administrator of that
/// organisation would see them. It answers for the subtree only and never widens: the caller must
/// have found the organisation through their own scope first. Audit rows still name the caller.
/// </summary>
public static class SubtreeScope
{
    public static OrgScope For(IServiceProvider services, Organization root, ClaimsPrincipal caller)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, caller.FindFirstValue(ClaimTypes.Name) ?? ""),
            new Claim(ClaimTypes.Role, Roles.OrgAdmin),
            new Claim(AppClaimsFactory.OrganizationClaim, root.Id.ToString(CultureInfo.InvariantCulture)),
        ], "report"));
        // A private accessor: setting the shared one would change the principal of the whole request.
        var accessor = new FixedAccessor { HttpContext = new DefaultHttpContext { User = principal } };
        return new OrgScope(services.GetRequiredService<AppDbContext>(), accessor, services.GetRequiredService<AuditLog>());
    }

    private sealed class FixedAccessor : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get; set; }
    }
}
