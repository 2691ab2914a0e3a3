using Pingyi.Web.Data;
using Pingyi.Web.Demo;

namespace Pingyi.Web.Infrastructure;

/// <summary>
/// Runs before the server takes requests: applies migrations (by default on SQLite only; a
/// PostgreSQL deployment migrates with the `migrate` verb) and, with --demo, loads the demo data.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (await PrepareDatabaseAsync(scope.ServiceProvider, configuration, cancellationToken) is { } login)
        {
            Console.WriteLine();
            Console.WriteLine("==================== 评议 Pingyi 演示模式 ====================");
            Console.WriteLine($"  演示管理员用户名 (user name): {login.UserName}");
            Console.WriteLine($"  演示管理员密码   (password) : {login.Password}");
            Console.WriteLine("  此密码每次以 --demo 启动时重新生成，只显示这一次。");
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }
    }

    /// <summary>
    /// Migrates when configured to (by default on SQLite) and loads the demo when it is enabled; the
    /// demo's login, or null. Shared by the server's start and the commands that read data.
    /// </summary>
    public static async Task<DemoData.Login?> PrepareDatabaseAsync(IServiceProvider scoped, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var provider = DatabaseSetup.ProviderOf(configuration);
        if (configuration.GetValue("Database:MigrateOnStart", provider == DatabaseProvider.Sqlite))
        {
            await DatabaseSetup.MigrateAsync(scoped.GetRequiredService<AppDbContext>(), cancellationToken);
        }
        return configuration.GetValue<bool>("Demo:Enabled") ? await DemoData.EnsureAsync(scoped, cancellationToken) : null;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
