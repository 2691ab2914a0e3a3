using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingyi.Domain.Accounts;
using Pingyi.Web.Identity;

namespace Pingyi.BrowserTests;

/// <summary>
/// One test class's world: the app on a loopback Kestrel port with its own SQLite file, a system
/// administrator, and Debian's Chromium driven by Playwright. Each test opens its own browser context.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminUserName = "admin";

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"pingyi-browser-{Guid.NewGuid():N}.db");
    private PingyiFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string AdminPassword { get; } = PasswordGenerator.New([AdminUserName]);

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's services, for arranging data a test needs but does not exercise (codes, open campaigns).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("Fixture not initialised.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with `apt-get install chromium fonts-noto-cjk`; " +
                "these tests never download a browser.");
        }

        factory = new PingyiFactory(databaseFile);
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var error = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(AdminUserName, "系统管理员", Roles.SystemAdmin, null, AdminPassword);
            if (error is not null)
            {
                throw new InvalidOperationException($"Could not create the administrator: {error}");
            }
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) whose relative URLs resolve against the app.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new();
        options.BaseURL = BaseUrl;
        options.Locale ??= "zh-CN";
        return browser!.NewContextAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databaseFile + suffix);
        }
    }

    private sealed class PingyiFactory(string databaseFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Production: the error pages people really see, not the developer exception page.
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Pingyi", $"Data Source={databaseFile}");
        }
    }
}
