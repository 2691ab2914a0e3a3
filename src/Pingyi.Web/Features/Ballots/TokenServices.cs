namespace Pingyi.Web.Features.Ballots;

public static class TokenServices
{
    /// <summary>Issuing codes: the command, the encrypted plain codes, and the background generator with its queue.</summary>
    public static IServiceCollection AddTokenIssuing(this IServiceCollection services)
    {
        services.AddScoped<TokenIssuer>();
        services.AddSingleton<BatchCodes>();
        services.AddSingleton<TokenQueue>();
        services.AddSingleton<TokenGenerator>();
        services.AddHostedService(s => s.GetRequiredService<TokenGenerator>());
        return services;
    }
}
