using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Accounts;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Tests.Infrastructure;

/// <summary>
/// The app on a fresh database of one provider, shared by the tests of one class. The world it
/// seeds: a bureau with two sibling hospitals A and B, each with a branch and a member, and a
/// system administrator, an organisation administrator of A, and an auditor.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    protected abstract TestDatabase NewDatabase();

    /// <summary>False for fixtures that test the first-run setup on an empty database.</summary>
    protected virtual bool Seed => true;

    /// <summary>True for fixtures that start the app as `--demo` does.</summary>
    protected virtual bool Demo => false;

    public TestDatabase Database { get; private set; } = null!;

    public TestClock Clock { get; } = new();

    /// <summary>The app's data directory (attachments are stored below it), private to the fixture.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"pingyi-data-{Guid.NewGuid():N}");

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string Provider => Database.Provider;

    public int BureauId { get; private set; }
    public int UnitAId { get; private set; }
    public int BranchAId { get; private set; }
    public int UnitBId { get; private set; }
    public int BranchBId { get; private set; }
    public int MemberAId { get; private set; }
    public int MemberBId { get; private set; }

    public const string SystemAdmin = "sys";
    public const string AdminA = "admina";
    public const string Auditor = "auditor";

    public string Password { get; } = PasswordGenerator.New([SystemAdmin, AdminA, Auditor]);

    public async Task InitializeAsync()
    {
        Database = NewDatabase();
        await Database.CreateAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", Database.Provider);
            b.UseSetting("ConnectionStrings:Pingyi", Database.ConnectionString);
            b.UseSetting("Database:MigrateOnStart", "true");
            b.UseSetting("Database:DataDirectory", DataDirectory);
            b.UseSetting("Demo:Enabled", Demo ? "true" : "false");
            // Dashboards re-read the aggregates as soon as a ballot lands, so a test sees what it just stored.
            b.UseSetting("Results:RefreshSeconds", "0");
            b.UseEnvironment("Production");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        });
        _ = _factory.Server;
        if (Seed)
        {
            await SeedAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Database.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    public TestClient CreateClient() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<TestClient> SignInAsync(string userName)
    {
        var client = CreateClient();
        await client.SignInAsync(userName, Password);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await query(db);
    }

    public Task WithDbAsync(Func<AppDbContext, Task> action) =>
        WithDbAsync(async db =>
        {
            await action(db);
            return true;
        });

    public async Task CreateAccountAsync(string userName, string role, int? organizationId = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var error = await accounts.CreateAsync(userName, userName, role, organizationId, Password, "test");
        Assert.Null(error);
    }

    public Task<Organization> AddOrganizationAsync(string code, string name, int? parentId,
        OrganizationKind kind = OrganizationKind.Unit, UnitType type = UnitType.None) =>
        WithDbAsync(async db =>
        {
            var parent = parentId is { } p ? await db.Organizations.SingleAsync(o => o.Id == p) : null;
            var org = new Organization
            {
                Code = code,
                Name = name,
                Kind = kind,
                UnitType = type,
                ParentId = parentId,
                CreatedUtc = DateTime.UtcNow,
            };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = OrganizationTree.PathOf(parent?.Path, org.Id);
            await db.SaveChangesAsync();
            return org;
        });

    public Task<Member> AddMemberAsync(int organizationId, string name, string? employeeNo = null) =>
        WithDbAsync(async db =>
        {
            var member = new Member
            {
                OrganizationId = organizationId,
                Name = name,
                Role = MemberRole.PartyMember,
                EmployeeNo = employeeNo,
                CreatedUtc = DateTime.UtcNow,
            };
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member;
        });

    private async Task SeedAsync()
    {
        BureauId = (await AddOrganizationAsync("BUR", "测试卫生局", null, OrganizationKind.Bureau, UnitType.Bureau)).Id;
        UnitAId = (await AddOrganizationAsync("UA", "甲医院", BureauId, type: UnitType.Hospital)).Id;
        BranchAId = (await AddOrganizationAsync("UA-ZB", "甲医院党支部", UnitAId, OrganizationKind.Branch)).Id;
        UnitBId = (await AddOrganizationAsync("UB", "乙医院", BureauId, type: UnitType.Hospital)).Id;
        BranchBId = (await AddOrganizationAsync("UB-ZB", "乙医院党支部", UnitBId, OrganizationKind.Branch)).Id;
        MemberAId = (await AddMemberAsync(BranchAId, "甲成员", "A001")).Id;
        MemberBId = (await AddMemberAsync(BranchBId, "乙成员", "B001")).Id;
        await CreateAccountAsync(SystemAdmin, Roles.SystemAdmin);
        await CreateAccountAsync(AdminA, Roles.OrgAdmin, UnitAId);
        await CreateAccountAsync(Auditor, Roles.Auditor);
    }
}

public sealed class SqliteAppFixture : AppFixture
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}

public sealed class PostgresAppFixture : AppFixture
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}

public sealed class SqliteEmptyAppFixture : AppFixture
{
    protected override bool Seed => false;

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}

public sealed class PostgresEmptyAppFixture : AppFixture
{
    protected override bool Seed => false;

    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}

public sealed class SqliteDemoAppFixture : AppFixture
{
    protected override bool Seed => false;

    protected override bool Demo => true;

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}

public sealed class PostgresDemoAppFixture : AppFixture
{
    protected override bool Seed => false;

    protected override bool Demo => true;

    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}
