using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Pingyi.Web.Data;

// Used only by `dotnet ef`; the connection strings are placeholders that migrations never open.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteAppDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=127.0.0.1;Database=pingyi_design");
        return new PostgresAppDbContext(options.Options);
    }
}
