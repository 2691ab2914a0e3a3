using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Pingyi.Web.Identity;

/// <summary>Puts the administrator's scope root and display name into the sign-in cookie.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<Microsoft.AspNetCore.Identity.IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser, Microsoft.AspNetCore.Identity.IdentityRole>(users, roles, options)
{
    public const string OrganizationClaim = "pingyi:org";
    public const string DisplayNameClaim = "pingyi:display";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganizationId is { } org)
        {
            identity.AddClaim(new Claim(OrganizationClaim, org.ToString(CultureInfo.InvariantCulture)));
        }
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
