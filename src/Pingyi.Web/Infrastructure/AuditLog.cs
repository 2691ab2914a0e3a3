using System.Security.Claims;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Infrastructure;

/// <summary>
/// Writes the audit trail. <see cref="Add"/> stages a row in the caller's unit of work, so the
/// change and its audit row commit together or not at all; <see cref="WriteAsync"/> stores a
/// standalone event (sign-in, denial) at once.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public AuditEntry Add(string action, AuditOutcome outcome, string? objectType = null, string? objectId = null,
        string? detail = null, string? actor = null)
    {
        var context = http.HttpContext;
        var entry = new AuditEntry
        {
            TimeUtc = clock.GetUtcNow().UtcDateTime,
            Actor = Truncate(actor ?? ActorOf(context?.User), 256),
            Ip = context?.Connection.RemoteIpAddress?.ToString(),
            Action = action,
            Outcome = outcome,
            ObjectType = objectType,
            ObjectId = objectId,
            Detail = detail is null ? null : Truncate(detail, 2000),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    public async Task WriteAsync(string action, AuditOutcome outcome, string? objectType = null, string? objectId = null,
        string? detail = null, string? actor = null)
    {
        Add(action, outcome, objectType, objectId, detail, actor);
        await db.SaveChangesAsync();
    }

    // A request made with an API key acts as the key's owner; naming the key too tells the
    // auditor which system did it and which key to revoke.
    private static string ActorOf(ClaimsPrincipal? user)
    {
        var name = user?.FindFirstValue(ClaimTypes.Name) ?? "";
        return user?.FindFirstValue(ApiKeyAuthentication.KeyPrefixClaim) is { } prefix ? $"{name}（密钥 {prefix}）" : name;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
