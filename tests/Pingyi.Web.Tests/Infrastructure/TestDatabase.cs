using Microsoft.Data.Sqlite;
using Npgsql;

namespace Pingyi.Web.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test class, on a real server or file.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract Task CreateAsync();

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pingyi-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file }.ToString();

    public override Task CreateAsync() => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A database on the PostgreSQL server that ./test.sh starts on 127.0.0.1 and names in
/// PINGYI_TEST_PG. Without it the tests fail: PostgreSQL support is never silently skipped.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name = $"pingyi_t_{Guid.NewGuid():N}";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PINGYI_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PostgreSQL tests need a server: run ./test.sh, or set PINGYI_TEST_PG to a connection string for a role that may create databases.");

    public override string Provider => "Postgres";

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name }.ToString();

    public override async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
