using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pingyi.Web.Data;

/// <summary>
/// Sets the per-connection SQLite pragmas on every connection EF Core opens: FULL sync so a
/// ballot acknowledged to a rater survives a power cut, a busy timeout so concurrent writers wait
/// instead of failing with "database is locked", and enforced foreign keys. WAL is a property of
/// the database file and is set once when migrating.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const int BusyTimeoutMs = 10_000;

    private const string Sql = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
