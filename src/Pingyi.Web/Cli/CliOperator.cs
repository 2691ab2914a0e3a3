using System.Security.Claims;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Cli;

/// <summary>Who a command acts as: the operator, with the system administrator's full authority.</summary>
public static class CliOperator
{
    public const string Name = "cli";

    /// <summary>The command line runs with the operator's full authority: the whole tree is in scope, audit rows name "cli".</summary>
    public static void SignIn(IServiceProvider sp) =>
        sp.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, Name),
                new Claim(ClaimTypes.Role, Roles.SystemAdmin),
            ], Name)),
        };
}
