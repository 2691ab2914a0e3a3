using Npgsql;
using Pingyi.Web.Data;

namespace Pingyi.Web.Tests.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void A_postgres_connection_prepares_repeated_statements_unless_the_operator_chose_otherwise()
    {
        var chosen = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=pingyi;Username=app;Password=s3cret"));
        Assert.Equal(64, chosen.MaxAutoPrepare);
        Assert.Equal(2, chosen.AutoPrepareMinUsages);
        Assert.Equal(("db", "pingyi", "app", "s3cret"), (chosen.Host, chosen.Database, chosen.Username, chosen.Password));

        var own = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=pingyi;Max Auto Prepare=0"));
        Assert.Equal(0, own.MaxAutoPrepare);
    }
}
