using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Pingyi.Bench;

/// <summary>
/// A direct connection to the app's database, for what the app's doors cannot do at benchmark
/// scale: generating a million ballots, and the plan rows beyond the API's limit (ResultsSetup).
/// </summary>
public static class BenchDatabase
{
    public static async Task<DbConnection> OpenAsync(AppServer server, BenchOptions options)
    {
        DbConnection connection = options.IsPostgres
            ? new NpgsqlConnection(options.Postgres)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = server.SqliteFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        if (connection is SqliteConnection)
        {
            // This connection only: the database stays in WAL mode and the app may be running; a generator need not fsync every chunk.
            await ExecuteAsync(connection, null,
                "PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY;");
        }
        return connection;
    }

    public static async Task<object?> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            if (value is string)
            {
                p.DbType = System.Data.DbType.String;
            }
            command.Parameters.Add(p);
        }
        return await command.ExecuteScalarAsync();
    }
}
