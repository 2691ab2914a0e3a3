using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;

namespace Pingyi.Web.Identity;

/// <summary>
/// How /api callers authenticate: with an API key when the request carries one, otherwise with
/// the sign-in cookie. Only the /api policy names these schemes; pages keep the default cookie
/// scheme, so a key never opens a page.
/// </summary>
public static class ApiKeyAuthentication
{
    /// <summary>The API key handler.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The scheme of the /api policy, choosing the key or the cookie per request.</summary>
    public const string ApiScheme = "Api";

    public const string HeaderName = "X-Api-Key";

    public const string KeyIdClaim = "pingyi:api-key";

    public const string KeyPrefixClaim = "pingyi:api-key-prefix";

    private const string Bearer = "Bearer ";

    public static void AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, "API密钥", null)
            .AddPolicyScheme(ApiScheme, "API密钥或登录", o => o.ForwardDefaultSelector = context =>
                // One credential per request: a key, when sent, decides alone even beside a cookie,
                // so a request never carries two people's roles and scopes at once.
                Presents(context.Request) ? Scheme : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiScheme).RequireRole(Roles.SystemAdmin, Roles.OrgAdmin));
    }

    /// <summary>True when the request offers a key in either header, well-formed or not.</summary>
    public static bool Presents(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderNames.Authorization) || request.Headers.ContainsKey(HeaderName);

    /// <summary>The key offered as <c>Authorization: Bearer …</c> or <c>X-Api-Key: …</c>; null when unreadable.</summary>
    public static string? Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count > 0)
        {
            return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
                ? value[Bearer.Length..].Trim()
                : null;
        }
        var header = request.Headers[HeaderName];
        return header.Count == 1 ? header[0]?.Trim() : null;
    }
}
