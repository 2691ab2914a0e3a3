using System.Security.Claims;

namespace Pingyi.Web.Features.Results;

internal static class DecidedBy
{
    /// <summary>The signed-in administrator's user name as decisions record it (an API key acts as its owner).</summary>
    public static string UserName(this IHttpContextAccessor http)
    {
        var name = http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "";
        return name.Length <= 256 ? name : name[..256];
    }
}
