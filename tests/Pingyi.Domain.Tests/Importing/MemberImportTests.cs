using Pingyi.Domain.Importing;
using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Tests.Importing;

public class MemberImportTests
{
    private const string Scope = "/1/2/";

    private static readonly Dictionary<string, KnownOrganization> Organizations = new KnownOrganization[]
    {
        new(2, "RMYY", "/1/2/", true),
        new(3, "RMYY-NK", "/1/2/3/", true),
        new(4, "RMYY-OLD", "/1/2/4/", false),
        new(5, "RMYY-WK", "/1/2/5/", true),
        new(20, "ZYY", "/1/20/", true),
    }.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly string?[] Header =
    [
        MemberImport.Name, MemberImport.OrganizationCode, MemberImport.Role,
        MemberImport.Gender, MemberImport.Position, MemberImport.EmployeeNo,
    ];

    [Fact]
    public void Good_rows_come_back_in_file_order()
    {
        var result = Validate(
            ["张晓梅", "rmyy-nk", "党员", "女", "主治医师", "0123"],
            [" 李强 ", "RMYY-WK", "干部", "", "", ""],
            ["王刚", "RMYY", "职工", "男", null, " 0124 "],
            ["赵敏", "RMYY-NK", "党员"]);

        NewMember[] expected =
        [
            new(2, 3, "张晓梅", MemberRole.PartyMember, Gender.Female, "主治医师", "0123"),
            new(3, 5, "李强", MemberRole.Cadre, Gender.Unspecified, null, null),
            new(4, 2, "王刚", MemberRole.Staff, Gender.Male, null, "0124"),
            new(5, 3, "赵敏", MemberRole.PartyMember, Gender.Unspecified, null, null),
        ];
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Items);
    }

    [Fact]
    public void A_missing_required_column_is_reported_on_the_header_row()
    {
        var table = ImportTables.Of([MemberImport.Name, MemberImport.Role], ["张晓梅", "党员"]);

        var result = MemberImport.Validate(table, Organizations, Scope, EmployeeNos());

        Assert.Equal(
            new ImportError(1, 0, "所属组织编码", "缺少必填列“所属组织编码”，请使用下载的模板。"),
            Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("NOPE", "组织“NOPE”不存在或不在您的管理范围内。")]
    [InlineData("zyy", "组织“ZYY”不存在或不在您的管理范围内。")]
    [InlineData("rmyy-old", "组织“RMYY-OLD”已停用。")]
    [InlineData("", "所属组织编码不能为空。")]
    public void An_unknown_out_of_scope_inactive_or_blank_organization_is_refused(string code, string message)
    {
        var result = Validate(["张晓梅", code, "党员", "女", "", "0123"]);

        Assert.Equal(new ImportError(2, 2, "所属组织编码", message), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("群众", "人员类别“群众”无效，应为：党员、干部、职工。")]
    [InlineData("", "人员类别不能为空。")]
    public void A_bad_role_is_refused(string role, string message)
    {
        var result = Validate(["张晓梅", "RMYY-NK", role]);

        Assert.Equal(new ImportError(2, 3, "人员类别", message), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("M")]
    [InlineData("男性")]
    public void A_bad_gender_is_refused(string gender)
    {
        var result = Validate(["张晓梅", "RMYY-NK", "党员", gender]);

        Assert.Equal(new ImportError(2, 4, "性别", $"性别“{gender}”无效，应为男或女，或留空。"), Assert.Single(result.Errors));
    }

    [Fact]
    public void An_employee_number_repeated_in_one_organization_is_reported_with_the_first_row()
    {
        var result = Validate(
            ["张晓梅", "RMYY-NK", "党员", "", "", "0123"],
            ["李强", "RMYY-WK", "干部", "", "", "0123"],
            ["王刚", "rmyy-nk", "职工", "", "", "0123"]);

        Assert.Equal(new ImportError(4, 6, "工号", "工号“0123”与第2行重复。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void An_employee_number_already_used_in_the_organization_is_refused()
    {
        var result = Validate(EmployeeNos((3, "0123")), ["张晓梅", "RMYY-NK", "党员", "", "", "0123"]);

        Assert.Equal(new ImportError(2, 6, "工号", "工号“0123”在该组织中已存在。"), Assert.Single(result.Errors));
    }

    [Fact]
    public void The_same_employee_number_is_allowed_in_different_organizations()
    {
        var result = Validate(EmployeeNos((5, "0123")),
            ["张晓梅", "RMYY-NK", "党员", "", "", "0123"],
            ["李强", "RMYY", "干部", "", "", "0123"]);

        Assert.Empty(result.Errors);
        Assert.Equal([3, 2], result.Items.Select(m => m.OrganizationId));
    }

    [Fact]
    public void A_position_longer_than_50_characters_is_refused()
    {
        var result = Validate(
            ["张晓梅", "RMYY-NK", "党员", "", new string('职', Member.PositionMaxLength), ""],
            ["李强", "RMYY-NK", "党员", "", new string('职', Member.PositionMaxLength + 1), ""]);

        Assert.Equal(new ImportError(3, 5, "职务", "职务不能超过50个字符。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    private static ImportResult<NewMember> Validate(params string?[][] rows) => Validate(EmployeeNos(), rows);

    private static ImportResult<NewMember> Validate(HashSet<(int, string)> existingEmployeeNos, params string?[][] rows) =>
        MemberImport.Validate(ImportTables.Of(Header, rows), Organizations, Scope, existingEmployeeNos);

    private static HashSet<(int, string)> EmployeeNos(params (int, string)[] used) => [.. used];
}
