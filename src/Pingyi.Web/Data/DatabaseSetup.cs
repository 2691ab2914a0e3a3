using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pingyi.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider from configuration (Database:Provider, ConnectionStrings:Pingyi).</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }
        if (value.Equals("postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }
        throw new InvalidOperationException($"Unknown Database:Provider '{value}'; use Sqlite or Postgres.");
    }

    public static string ConnectionStringOf(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Pingyi");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (ProviderOf(configuration) == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("ConnectionStrings:Pingyi is required for PostgreSQL.");
        }
        var dataDir = configuration["Database:DataDirectory"] ?? Path.Combine(contentRoot, "App_Data");
        var file = configuration["Database:File"] ?? (configuration.GetValue<bool>("Demo:Enabled") ? "demo.db" : "pingyi.db");
        Directory.CreateDirectory(dataDir);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, file), Pooling = true }.ToString();
    }

    public static IServiceCollection AddPingyiDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderOf(configuration);
        var connectionString = ConnectionStringOf(configuration, contentRoot);
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextPool<SqliteAppDbContext>(o => ConfigureSqlite(o, connectionString));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }
        else
        {
            services.AddDbContextPool<PostgresAppDbContext>(o => ConfigurePostgres(o, connectionString));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas());

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithAutoPrepare(connectionString));

    /// <summary>
    /// Unless the operator chose otherwise, Npgsql prepares the statements a connection runs
    /// repeatedly (the ballot's token lookup above all), so PostgreSQL parses and plans them once
    /// per connection instead of on every request; measured in docs/benchmarks.md.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db is SqliteAppDbContext)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
