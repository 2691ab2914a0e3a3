using Pingyi.Domain.Importing;

namespace Pingyi.Domain.Tests.Importing;

public class ImportErrorTests
{
    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "A")]
    [InlineData(2, "B")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(53, "BA")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    public void ColumnLetterOf_numbers_columns_as_excel_does(int column, string expected)
    {
        Assert.Equal(expected, ImportError.ColumnLetterOf(column));
    }

    [Fact]
    public void ToString_names_row_column_letter_and_column_name()
    {
        var error = new ImportError(3, 2, "组织名称", "组织名称不能为空。");

        Assert.Equal("B", error.ColumnLetter);
        Assert.Equal("第3行 B列（组织名称）：组织名称不能为空。", error.ToString());
    }

    [Fact]
    public void ToString_of_a_whole_row_error_names_only_the_row()
    {
        var error = new ImportError(1, 0, "上级组织编码", "缺少必填列“上级组织编码”，请使用下载的模板。");

        Assert.Equal("第1行：缺少必填列“上级组织编码”，请使用下载的模板。", error.ToString());
    }

    [Fact]
    public void SheetRowOf_the_first_data_row_is_sheet_row_2()
    {
        Assert.Equal(2, ImportTable.SheetRowOf(0));
        Assert.Equal(5001, ImportTable.SheetRowOf(4999));
    }
}
