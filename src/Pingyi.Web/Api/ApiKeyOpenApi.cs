using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Api;

/// <summary>
/// Tells API clients how to authenticate: an API key as a bearer token or in the X-Api-Key
/// header; either one satisfies every operation.
/// </summary>
public sealed class ApiKeyOpenApi : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "ApiKey";
    public const string HeaderScheme = "ApiKeyHeader";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = $"{ApiKeySecret.Marker}…",
            Description = "在“API密钥”页面创建的密钥，以 Authorization: Bearer pyk_… 发送。密钥带有创建者的角色和管理范围。",
        };
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.HeaderName,
            Description = $"同一密钥也可以放在 {ApiKeyAuthentication.HeaderName} 请求头中发送。",
        };
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] });
        }
        return Task.CompletedTask;
    }
}
