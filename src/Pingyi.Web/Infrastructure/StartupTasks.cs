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
        var provider = DatabaseSetup.ProviderOf(configuration);
        var migrate = configuration.GetValue("Database:MigrateOnStart", provider == DatabaseProvider.Sqlite);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (migrate)
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
        }
        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            var login = await DemoData.EnsureAsync(scope.ServiceProvider, cancellationToken);
            Console.WriteLine();
            Console.WriteLine("==================== 评议 Pingyi 演示模式 ====================");
            Console.WriteLine($"  演示管理员用户名 (user name): {login.UserName}");
            Console.WriteLine($"  演示管理员密码   (password) : {login.Password}");
            Console.WriteLine("  此密码每次以 --demo 启动时重新生成，只显示这一次。");
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
