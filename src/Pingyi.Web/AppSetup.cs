using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Pingyi.Domain.Accounts;
using Pingyi.Web.Api;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Identity;
using Pingyi.Web.Importing;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web;

/// <summary>Service registration and the request pipeline, shared by the web host and the CLI verbs.</summary>
public static class AppSetup
{
    public const long MaxRequestBodyBytes = 10 * 1024 * 1024;

    public static void AddPingyi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });

        services.AddSingleton(TimeProvider.System);
        // Chinese text is written as is, not as &#x...; entities: smaller pages, readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // API JSON keeps Chinese readable but escapes <, >, & and quotes, so stored HTML stays inert wherever the JSON ends up.
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddPingyiDatabase(configuration, builder.Environment.ContentRootPath);
        services.AddScoped<AuditLog>();
        services.AddScoped<OrgScope>();
        services.AddScoped<ImportService>();
        services.AddScoped<AccountService>();
        services.AddScoped<Features.Organizations.OrganizationCommands>();
        services.AddScoped<Features.Forms.FormCommands>();
        services.AddScoped<Features.Forms.FormQueries>();
        services.AddScoped<Features.Campaigns.CampaignCommands>();
        services.AddScoped<Features.Meetings.MeetingCommands>();
        services.AddScoped<Features.Meetings.MeetingPrinting>();
        services.AddScoped<Features.Meetings.MeetingCountsQuery>();
        services.AddSingleton<Features.Ballots.TokenKey>();
        services.AddBallotWriter();
        services.AddSingleton<Features.Ballots.BallotPlans>();
        services.AddSingleton<Features.Ballots.BallotForms>();
        services.AddScoped<Features.Ballots.BallotBuilder>();
        services.AddScoped<Features.Ballots.ProgressQuery>();
        services.AddSingleton<Features.Results.ResultsCache>();
        services.AddScoped<Features.Results.ResultsQuery>();
        services.AddScoped<Features.Results.SubjectHistory>();
        services.AddScoped<Features.Results.GradeCommands>();
        services.AddScoped<Features.Results.FlagCommands>();
        services.AddScoped<Features.Results.ExclusionCommands>();
        services.AddScoped<Features.Results.ResultExports>();
        services.AddScoped<Features.Ballots.BallotAccess>();
        services.AddSingleton<Features.Ballots.CodeThrottle>();
        services.AddScoped<Features.Paper.PaperEntryService>();
        services.AddScoped<Features.Channels.ChannelCommands>();
        services.AddScoped<Features.Channels.ChannelAccess>();
        services.AddScoped<Features.Channels.ChannelList>();
        services.AddScoped<Features.Loop.Oversight.LoopFiguresQuery>();
        services.AddScoped<Features.Loop.Oversight.OversightBoard>();
        services.AddScoped<Features.Reports.ReportTargets>();
        services.AddScoped<Features.Reports.SummaryQuery>();
        services.AddScoped<Features.Reports.ReportCommands>();
        services.AddScoped<Features.Loop.Corrections.CorrectionCommands>();
        services.AddScoped<Features.Loop.Models.ModelCommands>();
        services.AddSingleton<Features.Channels.ChannelDevice>();
        services.AddSingleton<Features.Channels.StandingThrottle>();
        services.AddScoped<Features.Loop.Opinions.OpinionCommands>();
        services.AddScoped<Features.Loop.Opinions.OpinionQuery>();
        services.AddScoped<Features.Loop.Opinions.CategoryCommands>();
        services.AddScoped<Features.Loop.Opinions.SuggestionReceipt>();
        services.AddSingleton<Features.Loop.Opinions.SuggestionThrottle>();
        services.AddScoped<Features.Loop.Measures.ProblemCommands>();
        services.AddScoped<Features.Loop.Measures.ProblemQueries>();
        services.AddScoped<Features.Loop.Measures.MeasureCommands>();
        services.AddScoped<Features.Loop.Measures.CalendarCommands>();
        services.AddSingleton<Features.Loop.Measures.AttachmentStore>();
        services.AddScoped<Features.Loop.Replies.ReplyCommands>();
        services.AddScoped<Features.Loop.Replies.ReplyQueries>();
        services.AddScoped<Features.Loop.Replies.ReceiptLookup>();
        services.AddScoped<Features.Loop.Replies.ReceiptCookie>();
        services.AddSingleton<Features.Loop.Replies.ReceiptThrottle>();
        services.AddScoped<Features.Loop.Replies.PublicReplies>();
        services.AddSingleton<Features.Reports.IReportWriter, Features.Reports.Writing.ReportDocx>();
        services.AddSingleton<Features.Reports.IReportWriter, Features.Reports.Writing.ReportXlsx>();
        services.AddScoped<Features.Publishing.PublicationCommands>();
        services.AddScoped<Features.Publishing.PublicationQueries>();
        services.AddScoped<Features.Publishing.PublicNotices>();
        services.AddScoped<Features.Publishing.ObjectionBox>();
        services.AddScoped<Features.Publishing.ObjectionReceipt>();
        services.AddHostedService<StartupTasks>();
        // After StartupTasks: the generator's start-up recovery needs the migrated database.
        services.AddTokenIssuing();

        services.AddDataProtection().SetApplicationName("Pingyi").PersistKeysToDbContext<AppDbContext>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = PasswordPolicy.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = SessionPolicy.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = SessionPolicy.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<PolicyPasswordValidator>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "pingyi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = SessionPolicy.ValidatePrincipalAsync;
            o.Events.OnRedirectToLogin = SessionPolicy.RedirectToLoginAsync;
            o.Events.OnRedirectToAccessDenied = SessionPolicy.RedirectToAccessDeniedAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Manage, p => p.RequireRole(Roles.SystemAdmin, Roles.OrgAdmin))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.Auditor, Roles.SystemAdmin))
            .AddPolicy(Policies.System, p => p.RequireRole(Roles.SystemAdmin));

        services.AddApiKeyAuthentication();

        services.AddAntiforgery(o => o.Cookie.Name = "pingyi.af");
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Organizations", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Members", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Import", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Forms", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Campaigns", Policies.Manage);
            o.Conventions.AuthorizeFolder("/ApiKeys", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Codes", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Progress", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Meetings", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Channels", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Results", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Grades", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Flags", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Exclusions", Policies.Manage);
            o.Conventions.AuthorizeFolder("/ResultExports", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Opinions", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Problems", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Measures", Policies.Manage);
            o.Conventions.AuthorizePage("/Loop/Calendar", Policies.System);
            o.Conventions.AuthorizeFolder("/Oversight", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Corrections", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Models", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Publications", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Reports", Policies.Manage);
            o.Conventions.AuthorizeFolder("/Accounts", Policies.System);
            o.Conventions.AuthorizeFolder("/Audit", Policies.Audit);
            o.Conventions.AuthorizePage("/Account/ChangePassword");
            o.Conventions.AuthorizePage("/Problems/Reply", Policies.Manage);
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeyOpenApi>());
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Malformed JSON or parameters never reach a handler; answer in Chinese, without internals.
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails is not HttpValidationProblemDetails)
            {
                context.ProblemDetails.Title = "请求格式不正确，请检查提交的 JSON 字段和类型。";
                context.ProblemDetails.Detail = null;
            }
            else if (context.ProblemDetails.Status is { } status && ApiProblemTitles.TryGetValue(status, out var title)
                && (context.ProblemDetails.Title ?? "").All(char.IsAscii))
            {
                // Only the framework's English default titles are replaced; our own Chinese ones stay.
                context.ProblemDetails.Title = title;
            }
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Forwarded client addresses are believed only from proxies the operator names.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                if (System.Net.IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
            // With both lists empty the middleware would believe any sender, so without a named proxy it reads no header at all.
            o.ForwardedHeaders = o.KnownProxies.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
        });
    }

    private static readonly Dictionary<int, string> ApiProblemTitles = new()
    {
        [StatusCodes.Status401Unauthorized] = "请先登录，或在请求头中提供有效的API密钥。",
        [StatusCodes.Status403Forbidden] = "没有执行此操作的权限。",
        [StatusCodes.Status404NotFound] = "未找到，或不在您的管理范围内。",
        [StatusCodes.Status405MethodNotAllowed] = "不支持此请求方法。",
        [StatusCodes.Status413PayloadTooLarge] = "提交的内容过大。",
        [StatusCodes.Status415UnsupportedMediaType] = "请以 application/json 提交。",
    };

    public static void UsePingyi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error");
        // API clients get an empty error status as a Chinese problem+json; people get the error page.
        app.UseWhen(c => ApiPaths.IsApi(c.Request), a => a.UseStatusCodePages());
        app.UseWhen(c => !ApiPaths.IsApi(c.Request), a => a.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.Use(SecurityHeaders.ApplyAsync);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapPingyiApi();
    }
}
