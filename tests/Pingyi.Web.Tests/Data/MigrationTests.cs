using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Data;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Data;

public class MigrationModelTests
{
    // Model-only contexts: the migration checks below never open a connection.
    private static SqliteAppDbContext Sqlite()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=:memory:");
        return new SqliteAppDbContext(options.Options);
    }

    private static PostgresAppDbContext Postgres()
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=127.0.0.1;Database=unused");
        return new PostgresAppDbContext(options.Options);
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migrations lag behind the model.");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = Postgres();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the PostgreSQL migrations lag behind the model.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var s = Sqlite();
        using var p = Postgres();
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(s), Names(p));
        Assert.NotEmpty(Names(s));
    }
}

public abstract class DatabaseTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Start_up_applied_every_migration()
    {
        var pending = await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { Action = "test", Actor = "t", Outcome = AuditOutcome.Success, TimeUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync(e => e.Action == "test");
            entry.Detail = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(e => e.Action == "test"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        Assert.Null(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "test").Select(e => e.Detail).FirstAsync()));
    }

    [Fact]
    public async Task Times_come_back_as_utc()
    {
        var kind = await app.WithDbAsync(db => db.Organizations.Select(o => o.CreatedUtc).FirstAsync());
        Assert.Equal(DateTimeKind.Utc, kind.Kind);
    }
}

public sealed class SqliteDatabaseTests(SqliteAppFixture app) : DatabaseTests<SqliteAppFixture>(app)
{
    private readonly SqliteAppFixture _app = app;

    [Fact]
    public async Task Sqlite_connections_use_wal_full_sync_busy_timeout_and_foreign_keys()
    {
        var pragmas = await _app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            async Task<string> Pragma(string name)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {name};";
                return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
            }
            return new[] { await Pragma("journal_mode"), await Pragma("synchronous"), await Pragma("busy_timeout"), await Pragma("foreign_keys") };
        });
        Assert.Equal(["wal", "2", "10000", "1"], pragmas);
    }
}

public sealed class PostgresDatabaseTests(PostgresAppFixture app) : DatabaseTests<PostgresAppFixture>(app);
