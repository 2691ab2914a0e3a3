using Pingyi.Web.Importing;

namespace Pingyi.Web.Tests.Import;

/// <summary>Every character a spreadsheet reads as the start of a formula is neutralised, and nothing else is touched.</summary>
public class CellSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void A_leading_formula_character_gets_an_apostrophe(string value) =>
        Assert.Equal("'" + value, CellSafety.Neutralize(value));

    [Theory]
    [InlineData("")]
    [InlineData("甲医院")]
    [InlineData("a=1")]
    [InlineData("—（少于5份）")]
    [InlineData("95.5%")]
    public void Other_text_is_left_alone(string value) =>
        Assert.Equal(value, CellSafety.Neutralize(value));
}
