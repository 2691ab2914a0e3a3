using Pingyi.Web.Features.Reports.Writing;

namespace Pingyi.Web.Tests.Reports.Writing;

public class ReportTextTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(19, "十九")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(99, "九十九")]
    [InlineData(100, "100")]
    public void Sections_are_numbered_in_chinese(int n, string expected) => Assert.Equal(expected, ReportText.ChineseNumber(n));

    [Fact]
    public void Dates_follow_GB_T_9704_in_arabic_digits() =>
        Assert.Equal("2026年1月5日", ReportText.ChineseDate(new DateOnly(2026, 1, 5)));

    [Theory]
    [InlineData("a\u0001b\u001Fc", "abc")]
    [InlineData("\uFFFE\uFFFF", "")]
    [InlineData("两\r\n行\t字", "两  行 字")]
    [InlineData("<script>&amp;", "<script>&amp;")]
    public void Clean_drops_what_xml_cannot_hold(string input, string expected) => Assert.Equal(expected, ReportText.Clean(input));

    /// <summary>Built in code: attribute arguments cannot carry a lone surrogate (it arrives as U+FFFD).</summary>
    [Fact]
    public void Clean_drops_lone_surrogates()
    {
        Assert.Equal("坏字", ReportText.Clean("坏" + '\uD800' + "字"));
        Assert.Equal("坏字", ReportText.Clean("坏" + '\uDC00' + "字"));
        Assert.Equal("end", ReportText.Clean("end" + '\uD83D'));
        Assert.Equal("ab", ReportText.Clean("a" + '\uDE00' + '\uD83D' + "b"));
    }

    [Fact]
    public void Clean_keeps_characters_outside_the_basic_plane() => Assert.Equal("𠀀表😀", ReportText.Clean("𠀀表😀"));

    [Fact]
    public void Sheet_names_are_valid_unique_and_close_to_the_wish()
    {
        var names = new SheetNames();
        Assert.Equal("说明", names.Take("说明", "x"));
        Assert.Equal("说明(2)", names.Take("说明", "x"));
        Assert.Equal("ab", names.Take("[a]:*?/\\b", "x"));
        Assert.Equal("表3", names.Take("[]:*?/\\", "表3"));
        Assert.Equal("表4", names.Take("History", "表4"));
        Assert.Equal("quoted", names.Take("'quoted'", "x"));
        var longName = names.Take(new string('长', 40), "x");
        Assert.Equal(new string('长', 31), longName);
        var again = names.Take(new string('长', 40), "x");
        Assert.Equal(new string('长', 28) + "(2)", again);
        Assert.Equal("CD", names.Take("CD", "x"));
        Assert.Equal("cd(2)", names.Take("cd", "x"));
    }

    [Fact]
    public void Sheet_names_are_not_cut_inside_a_surrogate_pair()
    {
        var name = new SheetNames().Take(new string('a', 30) + "😀", "x");
        Assert.Equal(new string('a', 30), name);
    }
}
