using Pingyi.Domain.Importing;
using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Tests.Importing;

public class OrganizationImportTests
{
    private const string CodeError = "组织编码只能由字母、数字、下划线、点和减号组成。";

    // The importing administrator manages 人民医院 (/1/2/). 中医院 (/1/20/) shares the digit
    // prefix "2" but is a sibling, not a descendant; the bureau (/1/) is above the scope.
    private const string Scope = "/1/2/";

    private static readonly Dictionary<string, KnownOrganization> Existing = new KnownOrganization[]
    {
        new(1, "BUREAU", "/1/", true),
        new(2, "RMYY", "/1/2/", true),
        new(3, "RMYY-NK", "/1/2/3/", true),
        new(4, "RMYY-OLD", "/1/2/4/", false),
        new(20, "ZYY", "/1/20/", true),
    }.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly string?[] Header =
    [
        OrganizationImport.Code, OrganizationImport.Name, OrganizationImport.Kind,
        OrganizationImport.Type, OrganizationImport.ParentCode,
    ];

    [Fact]
    public void A_good_file_comes_back_normalized_with_parents_before_children()
    {
        var result = Validate(
            ["rmyy-wk", "外科党支部", "党支部", "", "rmyy"],
            ["RMYY-WK-1", "外科一科", "科室", "", "RMYY-WK"],
            ["RMYY-EK-1", "儿科一科", "科室", "", "RMYY-EK"],
            ["RMYY-EK", " 儿科党支部 ", "党支部", "医院", "RMYY-NK"]);

        NewOrganization[] expected =
        [
            new(2, "RMYY-WK", "外科党支部", OrganizationKind.Branch, UnitType.None, "RMYY"),
            new(3, "RMYY-WK-1", "外科一科", OrganizationKind.Department, UnitType.None, "RMYY-WK"),
            new(5, "RMYY-EK", "儿科党支部", OrganizationKind.Branch, UnitType.Hospital, "RMYY-NK"),
            new(4, "RMYY-EK-1", "儿科一科", OrganizationKind.Department, UnitType.None, "RMYY-EK"),
        ];
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Items);
    }

    [Fact]
    public void A_chain_written_children_first_is_reversed()
    {
        var result = Validate(
            ["C", "丙", "科室", "", "B"],
            ["B", "乙", "党支部", "", "A"],
            ["A", "甲", "党总支", "", "RMYY"]);

        Assert.Empty(result.Errors);
        Assert.Equal(["A", "B", "C"], result.Items.Select(o => o.Code));
        Assert.Equal([4, 3, 2], result.Items.Select(o => o.Row));
    }

    [Fact]
    public void A_missing_required_column_is_reported_on_the_header_row()
    {
        var table = ImportTables.Of(
            [OrganizationImport.Code, OrganizationImport.Name, OrganizationImport.Kind],
            ["RMYY-A", "甲", "党支部"]);

        var result = OrganizationImport.Validate(table, Existing, Scope);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new ImportError(1, 0, "上级组织编码", "缺少必填列“上级组织编码”，请使用下载的模板。"), error);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Header_cells_may_be_padded_or_starred_and_the_optional_column_left_out()
    {
        var table = ImportTables.Of(
            [" *组织编码 ", "*组织名称", "组织类别", "*上级组织编码"],
            ["RMYY-A", "甲", "党支部", "RMYY"]);

        var result = OrganizationImport.Validate(table, Existing, Scope);

        Assert.Empty(result.Errors);
        Assert.Equal(new NewOrganization(2, "RMYY-A", "甲", OrganizationKind.Branch, UnitType.None, "RMYY"), Assert.Single(result.Items));
    }

    [Fact]
    public void A_file_with_only_the_header_is_refused()
    {
        var result = Validate();

        Assert.Equal(new ImportError(2, 0, "", "文件中没有数据行。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void A_file_with_only_blank_rows_is_refused()
    {
        var result = Validate(["", "  ", null, "", ""], []);

        Assert.Equal(new ImportError(2, 0, "", "文件中没有数据行。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void A_code_repeated_in_the_file_is_reported_with_the_first_row_whatever_its_case()
    {
        var result = Validate(
            ["RMYY-A", "甲", "党支部", "", "RMYY"],
            ["RMYY-B", "乙", "党支部", "", "RMYY"],
            ["rmyy-a", "丙", "党支部", "", "RMYY"]);

        Assert.Equal(new ImportError(4, 1, "组织编码", "组织编码“RMYY-A”与第2行重复。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("rmyy-nk", "RMYY-NK")]
    [InlineData("ZYY", "ZYY")]
    public void A_code_that_already_exists_is_refused(string code, string shown)
    {
        var result = Validate([code, "甲", "党支部", "", "RMYY"]);

        Assert.Equal(new ImportError(2, 1, "组织编码", $"组织编码“{shown}”已存在。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Theory]
    [InlineData("ZYY", "ZYY")]
    [InlineData("bureau", "BUREAU")]
    [InlineData("NOPE", "NOPE")]
    public void A_parent_outside_the_scope_or_unknown_is_refused(string parentCode, string shown)
    {
        var result = Validate(["RMYY-A", "甲", "党支部", "", parentCode]);

        Assert.Equal(
            new ImportError(2, 5, "上级组织编码", $"上级组织“{shown}”不存在或不在您的管理范围内。"),
            Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void An_inactive_parent_is_refused()
    {
        var result = Validate(["RMYY-A", "甲", "党支部", "", "rmyy-old"]);

        Assert.Equal(new ImportError(2, 5, "上级组织编码", "上级组织“RMYY-OLD”已停用。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void A_blank_parent_is_refused()
    {
        var result = Validate(["RMYY-A", "甲", "党支部", "", " "]);

        Assert.Equal(
            new ImportError(2, 5, "上级组织编码", "上级组织编码不能为空（根组织只能由系统管理员在页面上建立）。"),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_the_valid_choices()
    {
        var result = Validate(["RMYY-A", "甲", "党小组", "", "RMYY"]);

        Assert.Equal(
            new ImportError(2, 3, "组织类别", "组织类别“党小组”无效，应为：主管局、党委、党总支、党支部、单位、科室。"),
            Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void A_blank_kind_is_refused()
    {
        var result = Validate(["RMYY-A", "甲", "", "", "RMYY"]);

        Assert.Equal(new ImportError(2, 3, "组织类别", "组织类别不能为空。"), Assert.Single(result.Errors));
    }

    [Fact]
    public void An_unknown_unit_type_is_refused_with_the_valid_choices()
    {
        var result = Validate(["RMYY-A", "甲", "单位", "诊所", "RMYY"]);

        Assert.Equal(
            new ImportError(2, 4, "单位类型",
                "单位类型“诊所”无效，应为：卫生局、医院、卫生院、疾控中心、妇幼保健院、卫生监督所、局机关科室、社区卫生服务中心、其他，或留空。"),
            Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Two_new_rows_naming_each_other_as_parent_are_a_cycle()
    {
        var result = Validate(
            ["RMYY-A", "甲", "党支部", "", "RMYY-B"],
            ["RMYY-B", "乙", "党支部", "", "RMYY-A"],
            ["RMYY-C", "丙", "党支部", "", "RMYY"]);

        ImportError[] expected =
        [
            new(2, 5, "上级组织编码", "上级组织关系形成了循环。"),
            new(3, 5, "上级组织编码", "上级组织关系形成了循环。"),
        ];
        Assert.Equal(expected, result.Errors);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void A_row_naming_itself_as_parent_is_a_cycle()
    {
        var result = Validate(["RMYY-A", "甲", "党支部", "", "rmyy-a"]);

        Assert.Equal(new ImportError(2, 5, "上级组织编码", "上级组织关系形成了循环。"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_sheet_row_and_column()
    {
        var result = Validate(
            ["RMYY-A", "甲", "党支部", "", "RMYY"],
            ["A B", "", "党支部", "", "RMYY"],
            [],
            ["RMYY-C", "丙", "党支部", "诊所", "RMYY"],
            ["RMYY-D", "丁", "党支部", "", "ZYY"]);

        (int Row, int Column, string ColumnName)[] expected =
        [
            (3, 1, "组织编码"),
            (3, 2, "组织名称"),
            (5, 4, "单位类型"),
            (6, 5, "上级组织编码"),
        ];
        Assert.Equal(expected, result.Errors.Select(e => (e.Row, e.Column, e.ColumnName)));
        Assert.Equal($"第3行 A列（组织编码）：{CodeError}", result.Errors[0].ToString());
        Assert.Equal("第3行 B列（组织名称）：组织名称不能为空。", result.Errors[1].ToString());
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Columns_are_found_by_header_name_not_by_position()
    {
        var table = ImportTables.Of(
            [OrganizationImport.Name, OrganizationImport.ParentCode, OrganizationImport.Code, OrganizationImport.Kind],
            ["", "RMYY", "a b", "党支部"]);

        var result = OrganizationImport.Validate(table, Existing, Scope);

        Assert.Equal(["第2行 A列（组织名称）：组织名称不能为空。", $"第2行 C列（组织编码）：{CodeError}"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_cell_longer_than_the_limit_is_refused_even_in_an_extra_column()
    {
        var table = ImportTables.Of(
            [.. Header, "备注"],
            ["RMYY-A", "甲", "党支部", "", "RMYY", new string('注', ImportTable.MaxCellLength)],
            ["RMYY-B", "乙", "党支部", "", "RMYY", new string('注', ImportTable.MaxCellLength + 1)]);

        var result = OrganizationImport.Validate(table, Existing, Scope);

        Assert.Equal(new ImportError(3, 6, "备注", "单元格内容过长（超过500个字符）。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused()
    {
        var result = Validate(GoodRows(ImportTable.MaxRows + 1));

        Assert.Equal(new ImportError(5002, 0, "", "一次最多导入5000行，请分批导入。"), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Exactly_the_row_limit_is_accepted()
    {
        var result = Validate(GoodRows(ImportTable.MaxRows));

        Assert.Empty(result.Errors);
        Assert.Equal(ImportTable.MaxRows, result.Items.Count);
    }

    [Fact]
    public void Markup_in_a_name_is_kept_as_plain_text()
    {
        var result = Validate(["RMYY-A", "<script>alert('x')</script>", "党支部", "", "RMYY"]);

        Assert.Empty(result.Errors);
        Assert.Equal("<script>alert('x')</script>", Assert.Single(result.Items).Name);
    }

    [Fact]
    public void Markup_in_a_code_is_refused()
    {
        var result = Validate(["<b>", "甲", "党支部", "", "RMYY"]);

        Assert.Equal(new ImportError(2, 1, "组织编码", CodeError), Assert.Single(result.Errors));
        Assert.Empty(result.Items);
    }

    private static ImportResult<NewOrganization> Validate(params string?[][] rows) =>
        OrganizationImport.Validate(ImportTables.Of(Header, rows), Existing, Scope);

    private static string?[][] GoodRows(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new string?[] { $"RMYY-{i}", $"科室{i}", "科室", "", "RMYY" })];
}
