using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Import;

public abstract class ImportTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static byte[] Xlsx(params object[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> OrgRow(string code, string name, string kind, string? type, string parent) => new()
    {
        ["组织编码"] = code, ["组织名称"] = name, ["组织类别"] = kind, ["单位类型"] = type, ["上级组织编码"] = parent,
    };

    private static Dictionary<string, object?> MemberRow(string name, string org, string role, string? gender = null, string? no = null) => new()
    {
        ["姓名"] = name, ["所属组织编码"] = org, ["人员类别"] = role, ["性别"] = gender, ["职务"] = null, ["工号"] = no,
    };

    private static KeyValuePair<string, string>[] Kind(string kind) => [new("kind", kind)];

    private async Task<string> UploadAsync(TestClient client, string kind, string fileName, byte[] content)
    {
        var response = await client.PostFileAsync($"/Import?handler=Upload&kind={kind}", Kind(kind), fileName, content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"upload answered {(int)response.StatusCode}");
        Assert.DoesNotContain("Exception", html);
        return html;
    }

    private static async Task<string> ConfirmAsync(TestClient client, string kind, string previewHtml)
    {
        var response = await client.PostFormAsync($"/Import?handler=Confirm&kind={kind}", [new("pendingId", PendingId(previewHtml))]);
        return await response.Content.ReadAsStringAsync();
    }

    private static string PendingId(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"pendingId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Organizations.CountAsync());

    [Fact]
    public async Task A_good_organisation_file_is_previewed_then_stored_whole()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var file = Xlsx(
            OrgRow("ua-ek", "儿科党支部", "党支部", null, "UA-NK2"),
            OrgRow("UA-NK2", "内科总支", "党总支", null, "UA"),
            OrgRow("UA-FK", "妇科", "科室", "其他", "UA"));
        var before = await CountAsync();
        var preview = await UploadAsync(client, "organizations", "组织.xlsx", file);
        Assert.Contains("儿科党支部", preview);
        Assert.Equal(before, await CountAsync());
        Assert.NotEmpty(PendingId(preview));

        Assert.Contains("已导入组织 3 条", await ConfirmAsync(client, "organizations", preview));
        var child = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Code == "UA-EK"));
        var parent = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Code == "UA-NK2"));
        Assert.Equal(parent.Id, child.ParentId);
        Assert.Equal($"{parent.Path}{child.Id}/", child.Path);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync()), a => a == AuditActions.Import);

        Assert.Contains("预览已过期或不存在", await ConfirmAsync(client, "organizations", preview));
        Assert.Equal(before + 3, await CountAsync());
    }

    [Fact]
    public async Task A_file_with_bad_rows_stores_nothing_and_names_each_row_and_column()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var file = Xlsx(
            OrgRow("OK-1", "正常行", "党支部", null, "UA"),
            OrgRow("", "没有编码", "党支部", null, "UA"),
            OrgRow("BAD-KIND", "类别错误", "居委会", null, "UA"),
            OrgRow("SIB", "挂到兄弟单位", "党支部", null, "UB"));
        var before = await CountAsync();
        var html = await UploadAsync(client, "organizations", "bad.xlsx", file);
        Assert.Contains("没有导入任何数据", html);
        Assert.Contains("第3行 A列（组织编码）：组织编码不能为空", html);
        Assert.Contains("第4行 C列（组织类别）：组织类别“居委会”无效", html);
        Assert.Contains("第5行 E列（上级组织编码）：上级组织“UB”不存在或不在您的管理范围内", html);
        Assert.Empty(PendingId(html));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Members_import_from_a_gb18030_csv()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var csv = "姓名,所属组织编码,人员类别,性别,职务,工号\r\n李建国,UA-ZB,党员,男,主任医师,A201\r\n\"赵,红梅\",ua-zb,职工,女,\"护士\"\"长\"\"\",A202\r\n";
        var bytes = CodePages.Gb18030.GetBytes(csv);
        var html = await UploadAsync(client, "members", "人员.csv", bytes);
        Assert.Contains("已导入人员 2 条", await ConfirmAsync(client, "members", html));
        var names = await app.WithDbAsync(db => db.Members.Where(m => m.EmployeeNo == "A201" || m.EmployeeNo == "A202")
            .OrderBy(m => m.EmployeeNo).Select(m => m.Name + "|" + m.Position).ToListAsync());
        Assert.Equal(["李建国|主任医师", "赵,红梅|护士\"长\""], names);
    }

    [Fact]
    public async Task Members_cannot_be_imported_into_a_sibling()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var members = await app.WithDbAsync(db => db.Members.CountAsync());
        var html = await UploadAsync(client, "members", "m.xlsx", Xlsx(MemberRow("越权导入", "UB-ZB", "党员")));
        Assert.Contains("组织“UB-ZB”不存在或不在您的管理范围内", html);
        Assert.Equal(members, await app.WithDbAsync(db => db.Members.CountAsync()));
    }

    [Fact]
    public async Task Someone_elses_preview_cannot_be_confirmed()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var html = await UploadAsync(sys, "organizations", "o.xlsx", Xlsx(OrgRow("SYS-ONLY", "系统导入", "党支部", null, "UB")));
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Contains("预览已过期或不存在", await ConfirmAsync(admin, "organizations", html));
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Code == "SYS-ONLY")));
    }

    public static TheoryData<string, byte[], string> NotSpreadsheets => new()
    {
        { "fake.xlsx", Encoding.UTF8.GetBytes("this is not a zip file at all"), "不是有效的 Excel" },
        { "broken.xlsx", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "不是有效的 Excel" },
        { "image.csv", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13, 0, 0], "不是有效的 Excel" },
        { "script.exe", Encoding.UTF8.GetBytes("MZ"), "只支持 .xlsx 或 .csv" },
        { "empty.csv", [], "文件是空的" },
    };

    [Theory]
    [MemberData(nameof(NotSpreadsheets))]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_clearly(string name, byte[] content, string message)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await CountAsync();
        var html = await UploadAsync(client, "organizations", name, content);
        Assert.Contains(message, html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_oversized_file_is_refused_clearly()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var big = new byte[6 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        var html = await UploadAsync(client, "organizations", "big.csv", big);
        Assert.Contains("文件太大", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingImports.CountAsync(p => p.FileName == "big.csv")));
    }

    [Fact]
    public async Task Too_many_rows_are_refused()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var csv = new StringBuilder("组织编码,组织名称,组织类别,单位类型,上级组织编码\n");
        for (var i = 0; i < 5001; i++)
        {
            csv.Append($"R{i},行{i},党支部,,UA\n");
        }
        var html = await UploadAsync(client, "organizations", "many.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        Assert.Contains("一次最多导入5000行", html);
    }

    [Fact]
    public async Task Script_and_formulas_in_cells_are_shown_inert()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var file = Xlsx(
            OrgRow("HTML-1", "<script>alert('x')</script>", "党支部", null, "UA"),
            OrgRow("FORMULA-1", "=HYPERLINK(\"http://evil\",\"点我\")", "党支部", null, "UA"));
        var html = await UploadAsync(client, "organizations", "hostile.xlsx", file);
        Assert.DoesNotContain("<script>alert(", html);
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.Contains("已导入组织 2 条", await ConfirmAsync(client, "organizations", html));
        var tree = await client.GetHtmlAsync("/Organizations");
        Assert.DoesNotContain("<script>alert(", tree);
    }

    [Theory]
    [InlineData("organizations", "xlsx", "上级组织编码")]
    [InlineData("members", "xlsx", "所属组织编码")]
    [InlineData("members", "csv", "所属组织编码")]
    public async Task Templates_download_with_the_expected_columns(string kind, string format, string column)
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var response = await client.GetAsync($"/Import?handler=Template&kind={kind}&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            Assert.Contains(column, Encoding.UTF8.GetString(bytes));
            return;
        }
        using var stream = new MemoryStream(bytes);
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Contains("填写说明", sheets);
        stream.Position = 0;
        var header = (IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false).First();
        Assert.Contains(column, header.Values.Select(v => v?.ToString()));
    }
}

internal static class CodePages
{
    public static readonly Encoding Gb18030 = Create();

    private static Encoding Create()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}

public sealed class SqliteImportTests(SqliteAppFixture app) : ImportTests<SqliteAppFixture>(app);

public sealed class PostgresImportTests(PostgresAppFixture app) : ImportTests<PostgresAppFixture>(app);
