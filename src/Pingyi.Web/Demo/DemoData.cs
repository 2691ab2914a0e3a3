using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Accounts;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Demo;

/// <summary>
/// The demo: a city health bureau with its party committee, two hospitals, three township
/// hospitals, a CDC, a maternal and child health hospital, a health supervision institute and
/// the bureau's offices, their party branches, and about two hundred members. Loaded only into an
/// empty database; the demo administrator's password is new at every start.
/// </summary>
public static class DemoData
{
    public const string AdminUserName = "demo";

    public sealed record Login(string UserName, string Password);

    private sealed record Node(string Code, string Name, OrganizationKind Kind, UnitType Type, int Members, Node[] Children);

    private static Node N(string code, string name, OrganizationKind kind, UnitType type, int members, params Node[] children) =>
        new(code, name, kind, type, members, children);

    private static Node Branch(string code, string name, int members) =>
        N(code, name, OrganizationKind.Branch, UnitType.None, members);

    private static readonly Node Tree =
        N("SWJ", "市卫生局", OrganizationKind.Bureau, UnitType.Bureau, 0,
            N("SWJ-DW", "市卫生局党委", OrganizationKind.PartyCommittee, UnitType.None, 0,
                Branch("SWJ-JGDZB", "局机关党支部", 12)),
            N("SWJ-BGS", "办公室", OrganizationKind.Department, UnitType.BureauOffice, 5),
            N("SWJ-YZK", "医政医管科", OrganizationKind.Department, UnitType.BureauOffice, 5),
            N("SWJ-JCK", "基层卫生科", OrganizationKind.Department, UnitType.BureauOffice, 4),
            N("SWJ-JKK", "疾病预防控制科", OrganizationKind.Department, UnitType.BureauOffice, 4),
            N("RMYY", "市第一人民医院", OrganizationKind.Unit, UnitType.Hospital, 6,
                N("RMYY-DW", "市第一人民医院党委", OrganizationKind.PartyCommittee, UnitType.None, 0,
                    Branch("RMYY-NK", "内科党支部", 20),
                    Branch("RMYY-WK", "外科党支部", 18),
                    Branch("RMYY-YJ", "医技党支部", 12),
                    Branch("RMYY-XZ", "行政后勤党支部", 10))),
            N("ZYY", "市中医院", OrganizationKind.Unit, UnitType.Hospital, 4,
                N("ZYY-DZZ", "市中医院党总支", OrganizationKind.GeneralBranch, UnitType.None, 0,
                    Branch("ZYY-LC", "临床党支部", 16),
                    Branch("ZYY-JG", "机关党支部", 8))),
            N("CGWSY", "城关镇卫生院", OrganizationKind.Unit, UnitType.TownshipHospital, 3,
                Branch("CGWSY-ZB", "城关镇卫生院党支部", 9)),
            N("QSWSY", "青山镇卫生院", OrganizationKind.Unit, UnitType.TownshipHospital, 3,
                Branch("QSWSY-ZB", "青山镇卫生院党支部", 8)),
            N("HKWSY", "河口乡卫生院", OrganizationKind.Unit, UnitType.TownshipHospital, 3,
                Branch("HKWSY-ZB", "河口乡卫生院党支部", 7)),
            N("JKZX", "市疾病预防控制中心", OrganizationKind.Unit, UnitType.Cdc, 4,
                Branch("JKZX-ZB", "市疾控中心党支部", 11)),
            N("FYBJY", "市妇幼保健院", OrganizationKind.Unit, UnitType.MaternalChildHealth, 4,
                Branch("FYBJY-ZB", "市妇幼保健院党支部", 10)),
            N("WSJDS", "市卫生监督所", OrganizationKind.Unit, UnitType.HealthSupervision, 3,
                Branch("WSJDS-ZB", "市卫生监督所党支部", 7)));

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
        "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "建国", "玉兰", "志强", "晓东", "海燕", "春梅",
        "卫东", "建军", "丽华", "国庆", "小红", "晓梅", "永刚", "志华", "俊", "鹏", "婷", "雪", "慧", "颖", "宇",
        "浩", "凯", "晨", "欣怡", "子涵", "思远", "佳琪", "梓萱", "一鸣", "晓燕", "红梅", "文静", "德明", "振华",
    ];

    private static readonly string[] BranchPositions = ["支部书记", "支部副书记", "组织委员", "宣传委员", "纪检委员"];
    private static readonly string[] ClinicalPositions = ["主任医师", "副主任医师", "主治医师", "住院医师", "主管护师", "护师", "护士", "药师", "检验师"];
    private static readonly string[] OfficePositions = ["科长", "副科长", "科员", "办事员"];
    private static readonly string[] UnitPositions = ["院长", "副院长", "党委书记", "办公室主任", "医务科科长"];

    public static async Task<Login> EnsureAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (!await db.Organizations.AnyAsync(cancellationToken))
        {
            await SeedTreeAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        await DemoCampaigns.EnsureAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var tokenKey = await services.GetRequiredService<Features.Ballots.TokenKey>().GetAsync(cancellationToken);
        await DemoMeetings.EnsureAsync(db, tokenKey, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await DemoBallots.EnsureAsync(db, tokenKey, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await DemoResults.EnsureAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await DemoLoop.EnsureAsync(db, tokenKey, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await DemoPublication.EnsureAsync(db, tokenKey, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return await EnsureAdminAsync(services);
    }

    private static async Task SeedTreeAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var employeeNo = 1000;
        async Task AddAsync(Node node, Organization? parent, int sort)
        {
            var org = new Organization
            {
                Code = node.Code,
                Name = node.Name,
                Kind = node.Kind,
                UnitType = node.Type,
                ParentId = parent?.Id,
                SortOrder = sort,
                CreatedUtc = now,
            };
            db.Organizations.Add(org);
            await db.SaveChangesAsync(cancellationToken);
            org.Path = OrganizationTree.PathOf(parent?.Path, org.Id);
            for (var i = 0; i < node.Members; i++)
            {
                db.Members.Add(NewMember(random, node, org.Id, i, (++employeeNo).ToString(System.Globalization.CultureInfo.InvariantCulture), now));
            }
            await db.SaveChangesAsync(cancellationToken);
            for (var c = 0; c < node.Children.Length; c++)
            {
                await AddAsync(node.Children[c], org, c + 1);
            }
        }
        await AddAsync(Tree, null, 0);
        await tx.CommitAsync(cancellationToken);
    }

    private static Member NewMember(Random random, Node node, int organizationId, int index, string employeeNo, DateTime now)
    {
        var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        var (role, position) = node.Kind switch
        {
            OrganizationKind.Branch => (index < 3 ? MemberRole.Cadre : MemberRole.PartyMember,
                index < BranchPositions.Length ? BranchPositions[index] : ClinicalPositions[random.Next(ClinicalPositions.Length)]),
            OrganizationKind.Department => (index == 0 ? MemberRole.Cadre : MemberRole.Staff, OfficePositions[Math.Min(index, OfficePositions.Length - 1)]),
            _ => (index < 2 ? MemberRole.Cadre : MemberRole.Staff, UnitPositions[index % UnitPositions.Length]),
        };
        return new Member
        {
            OrganizationId = organizationId,
            Name = name,
            Gender = random.Next(2) == 0 ? Gender.Male : Gender.Female,
            Role = role,
            Position = position,
            EmployeeNo = employeeNo,
            CreatedUtc = now,
        };
    }

    private static async Task<Login> EnsureAdminAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var accounts = services.GetRequiredService<AccountService>();
        var password = PasswordGenerator.New([AdminUserName]);
        var admin = await users.FindByNameAsync(AdminUserName);
        if (admin is null)
        {
            var error = await accounts.CreateAsync(AdminUserName, "演示管理员", Roles.SystemAdmin, null, password, "demo");
            if (error is not null)
            {
                throw new InvalidOperationException(error);
            }
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(admin);
            await users.ResetPasswordAsync(admin, token, password);
            await users.SetLockoutEndDateAsync(admin, null);
            await users.ResetAccessFailedCountAsync(admin);
        }
        return new Login(AdminUserName, password);
    }
}
