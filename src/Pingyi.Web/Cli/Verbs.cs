using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Accounts;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;
using Pingyi.Web.Importing;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Cli;

/// <summary>
/// Operator commands on the same binary:
/// <c>migrate</c>, <c>create-admin USER [--role SystemAdmin|OrgAdmin|Auditor] [--org CODE]</c>,
/// <c>import organizations|members FILE</c>, <c>recount --campaign N</c>,
/// <c>report --campaign N | --year YYYY [--org CODE] [--format docx|xlsx|all] [--out DIR]</c>. Options such as --Database:Provider work as for the server.
/// </summary>
public static class Verbs
{
    public const string Migrate = "migrate";
    public const string CreateAdmin = "create-admin";
    public const string Import = "import";
    public const string Recount = "recount";
    public const string Report = "report";

    private static readonly string[] All = [Migrate, CreateAdmin, Import, Recount, Report];

    public static string? Find(string[] args) => args.Length > 0 && All.Contains(args[0]) ? args[0] : null;

    /// <summary>Arguments for the host: the verb and its positional words removed, --demo turned into configuration.</summary>
    public static string[] HostArguments(string[] args)
    {
        var list = new List<string>();
        var verb = Find(args);
        for (var i = verb is null ? 0 : 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--demo")
            {
                list.Add("--Demo:Enabled=true");
            }
            else if (a is "--role" or "--org" or "--campaign" or "--year" or "--format" or "--out" && i + 1 < args.Length)
            {
                i++;
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                list.Add(a);
                if (!a.Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    list.Add(args[++i]);
                }
            }
        }
        return list.ToArray();
    }

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var words = Positional(args);
        try
        {
            switch (verb)
            {
                case Migrate:
                    await DatabaseSetup.MigrateAsync(sp.GetRequiredService<AppDbContext>());
                    Console.WriteLine("数据库已迁移到最新版本。");
                    return 0;
                case CreateAdmin:
                    return await CreateAdminAsync(sp, words, Option(args, "--role") ?? Roles.SystemAdmin, Option(args, "--org"));
                case Import:
                    return await ImportAsync(sp, words);
                case Recount:
                    await StartupTasks.PrepareDatabaseAsync(sp, sp.GetRequiredService<IConfiguration>());
                    return await RecountVerb.RunAsync(sp, Option(args, "--campaign"), Console.Out, Console.Error);
                case Report:
                    await StartupTasks.PrepareDatabaseAsync(sp, sp.GetRequiredService<IConfiguration>());
                    return await ReportVerb.RunAsync(sp, new ReportOptions(Option(args, "--campaign"), Option(args, "--year"), Option(args, "--org"),
                        Option(args, "--format"), Option(args, "--out")), Console.Out, Console.Error);
            }
        }
        catch (DbUpdateException e)
        {
            Console.Error.WriteLine($"数据库错误：{e.InnerException?.Message ?? e.Message}");
        }
        catch (System.Data.Common.DbException e)
        {
            // E.g. a PostgreSQL database never migrated (migrations run on start only for SQLite by default).
            Console.Error.WriteLine($"数据库错误：{e.Message}。如数据库尚未建立，请先运行 migrate。");
        }
        return 1;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider sp, List<string> words, string role, string? orgCode)
    {
        if (words.Count < 1)
        {
            Console.Error.WriteLine("用法：create-admin 用户名 [--role SystemAdmin|OrgAdmin|Auditor] [--org 组织编码]");
            return 2;
        }
        if (!Roles.All.Contains(role))
        {
            Console.Error.WriteLine($"角色无效：{role}。可选：{string.Join(", ", Roles.All)}");
            return 2;
        }
        var db = sp.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        int? orgId = null;
        if (role == Roles.OrgAdmin)
        {
            var code = orgCode?.Trim().ToUpperInvariant();
            orgId = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).FirstOrDefaultAsync();
            if (orgId is null)
            {
                Console.Error.WriteLine("组织管理员需要用 --org 指定一个已存在的组织编码。");
                return 2;
            }
        }
        var password = PasswordGenerator.New([words[0]]);
        var accounts = sp.GetRequiredService<AccountService>();
        var result = await accounts.CreateAsync(words[0], words[0], role, orgId, password, "cli");
        if (result is not null)
        {
            Console.Error.WriteLine(result);
            return 1;
        }
        Console.WriteLine($"已创建{Roles.NameOf(role)}：{words[0]}");
        Console.WriteLine($"初始密码（只显示这一次，请登录后修改）：{password}");
        return 0;
    }

    private static async Task<int> ImportAsync(IServiceProvider sp, List<string> words)
    {
        if (words.Count < 2 || !ImportKinds.IsValid(words[0]))
        {
            Console.Error.WriteLine("用法：import organizations|members 文件.xlsx|文件.csv");
            return 2;
        }
        var file = words[1];
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"找不到文件：{file}");
            return 2;
        }
        if (new FileInfo(file).Length > PendingImport.MaxBytes)
        {
            Console.Error.WriteLine($"文件太大，最大允许 {PendingImport.MaxBytes / 1024 / 1024} MB。");
            return 1;
        }
        CliOperator.SignIn(sp);
        var import = sp.GetRequiredService<ImportService>();
        var preview = await import.PreviewAsync(words[0], file, await File.ReadAllBytesAsync(file), "cli");
        if (!preview.CanConfirm)
        {
            foreach (var e in preview.Errors)
            {
                Console.Error.WriteLine(e.Row > 0 ? e.ToString() : e.Message);
            }
            Console.Error.WriteLine("没有导入任何数据。");
            return 1;
        }
        var (stored, errors, refusal) = await import.ConfirmAsync(preview.PendingId!.Value, "cli");
        if (refusal is not null || errors.Count > 0)
        {
            Console.Error.WriteLine(refusal ?? string.Join(Environment.NewLine, errors));
            return 1;
        }
        Console.WriteLine($"已导入{ImportKinds.NameOf(words[0])} {stored} 条。");
        return 0;
    }

    private static List<string> Positional(string[] args)
    {
        var words = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!args[i].Contains('=') && i + 1 < args.Length)
                {
                    i++;
                }
                continue;
            }
            words.Add(args[i]);
        }
        return words;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
