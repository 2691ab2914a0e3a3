using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Ballots;

/// <summary>
/// The installation's key for hashing token codes (TokenCodes.Hash). Kept in the database so all
/// web instances share it; made on first use. Cached for the life of the process, since it never
/// changes once made.
/// </summary>
public sealed class TokenKey(IServiceScopeFactory scopes, TimeProvider clock)
{
    private byte[]? _key;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_key is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var secret = await db.AppSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == AppSecret.TokenHashKey, cancellationToken);
                if (secret is null)
                {
                    db.AppSecrets.Add(new AppSecret { Name = AppSecret.TokenHashKey, Value = RandomNumberGenerator.GetBytes(32), CreatedUtc = clock.GetUtcNow().UtcDateTime });
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    catch (DbUpdateException)
                    {
                        // Another instance made it first; use theirs.
                    }
                    db.ChangeTracker.Clear();
                    secret = await db.AppSecrets.AsNoTracking().FirstAsync(s => s.Name == AppSecret.TokenHashKey, cancellationToken);
                }
                _key = secret.Value;
            }
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> HashAsync(string normalizedCode, CancellationToken cancellationToken = default) =>
        TokenCodes.Hash(await GetAsync(cancellationToken), normalizedCode);
}
