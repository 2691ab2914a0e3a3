using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Identity;

/// <summary>
/// Signs an /api request in as the owner of the API key it carries. The principal is built by the
/// same factory as the sign-in cookie, so the key has exactly the owner's current roles and scope,
/// and it stops working as soon as the key is revoked or the owner is deactivated or locked out.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> claims, TimeProvider clock, AuditLog audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Refusal = "API密钥无效或已吊销。";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiKeyAuthentication.Presents(Request))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = ApiKeyAuthentication.Read(Request);
        if (!ApiKeySecret.IsWellFormed(presented))
        {
            return AuthenticateResult.Fail(Refusal);
        }
        // The lookup is by hash, so how long it takes says nothing about how close a guess was.
        var hash = ApiKeySecret.HashOf(presented!);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash, Context.RequestAborted);
        if (key is null || key.RevokedUtc is not null)
        {
            return AuthenticateResult.Fail(Refusal);
        }
        var owner = await users.FindByIdAsync(key.OwnerUserId);
        if (owner is null || !owner.IsActive || owner.LockoutEnd > clock.GetUtcNow())
        {
            return AuthenticateResult.Fail(Refusal);
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (key.LastUsedOn != today)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedOn, today), Context.RequestAborted);
        }

        var source = (ClaimsIdentity)(await claims.CreateAsync(owner)).Identity!;
        var identity = new ClaimsIdentity(source.Claims, Scheme.Name, source.NameClaimType, source.RoleClaimType);
        identity.AddClaim(new Claim(ApiKeyAuthentication.KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ApiKeyAuthentication.KeyPrefixClaim, key.Prefix));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(title: Refusal, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await audit.WriteAsync(AuditActions.Denied, AuditOutcome.Denied, detail: $"无权访问 {Request.Path}");
        await TypedResults.Problem(title: "该API密钥的所有者无权使用此接口。", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }
}
