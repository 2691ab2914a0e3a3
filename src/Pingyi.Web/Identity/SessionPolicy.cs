using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Identity;

/// <summary>
/// Idle sign-out: a session unused for 30 minutes ends (office PCs are shared and left
/// unlocked). The cookie is re-issued at most once a minute while in use, so its issue time
/// is the last activity.
/// </summary>
public static class SessionPolicy
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(30);
    public const int MaxFailedSignIns = 5;

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var lastActivity = context.Properties.IssuedUtc;
        if (lastActivity is null || now - lastActivity.Value > IdleTimeout)
        {
            var name = context.Principal?.Identity?.Name ?? "";
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
            await audit.WriteAsync(AuditActions.IdleSignOut, AuditOutcome.Success, actor: name,
                detail: $"超过{IdleTimeout.TotalMinutes:0}分钟未操作");
            return;
        }
        if (now - lastActivity.Value > RenewAfter)
        {
            context.ShouldRenew = true;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public static Task RedirectToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ApiPaths.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static async Task RedirectToAccessDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        await audit.WriteAsync(AuditActions.Denied, AuditOutcome.Denied, detail: $"无权访问 {context.Request.Path}");
        if (ApiPaths.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        context.Response.Redirect(context.RedirectUri);
    }
}
