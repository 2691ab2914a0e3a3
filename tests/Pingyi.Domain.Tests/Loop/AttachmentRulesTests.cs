using System.Text;
using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Tests.Loop;

public class AttachmentRulesTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n");

    [Fact]
    public void The_type_comes_from_the_content()
    {
        Assert.Equal(AttachmentRules.Png, AttachmentRules.Detect(Png));
        Assert.Equal(AttachmentRules.Jpeg, AttachmentRules.Detect(Jpeg));
        Assert.Equal(AttachmentRules.Pdf, AttachmentRules.Detect(Pdf));
        Assert.Null(AttachmentRules.Detect("MZ\u0090\0"u8));
        Assert.Null(AttachmentRules.Detect("GIF89a"u8));
        Assert.Null(AttachmentRules.Detect([0x89, 0x50]));
        Assert.Null(AttachmentRules.Detect([]));
    }

    [Theory]
    [InlineData("photo.png", 1)]
    [InlineData("photo.JPG", 2)]
    [InlineData("photo.jpeg", 2)]
    [InlineData("报告.pdf", 3)]
    public void A_matching_extension_is_accepted(string name, int kind)
    {
        var content = kind switch { 1 => Png, 2 => Jpeg, _ => Pdf };
        var (type, clean, error) = AttachmentRules.Check(name, content.Length, content);
        Assert.Null(error);
        Assert.Equal(AttachmentRules.Detect(content), type);
        Assert.Equal(name, clean);
    }

    [Theory]
    [InlineData("photo.pdf")]
    [InlineData("photo.exe")]
    [InlineData("photo")]
    [InlineData("photo.png.exe")]
    public void An_extension_that_disagrees_with_the_content_is_refused(string name) =>
        Assert.Contains("扩展名与内容不符", AttachmentRules.Check(name, Png.Length, Png).Error);

    [Theory]
    [InlineData("../../x.png")]
    [InlineData("..\\x.png")]
    [InlineData("C:\\temp\\x.png")]
    [InlineData("/etc/passwd.png")]
    [InlineData("a\u0000b.png")]
    [InlineData("a\rb.png")]
    [InlineData("a\u202Eb.png")]
    [InlineData("<img src=x>.png")]
    [InlineData("a\"b.png")]
    [InlineData(".png")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Names_with_paths_control_characters_or_markup_are_refused(string? name)
    {
        Assert.Null(AttachmentRules.CleanName(name));
        Assert.Contains("文件名", AttachmentRules.Check(name, Png.Length, Png).Error);
    }

    [Fact]
    public void Long_names_are_shortened_keeping_the_extension()
    {
        var clean = AttachmentRules.CleanName("  " + new string('长', 300) + ".pdf ");
        Assert.Equal(MeasureAttachment.FileNameMaxLength, clean!.Length);
        Assert.EndsWith("长.pdf", clean);
        // A character outside the BMP is never cut in half.
        var emoji = AttachmentRules.CleanName(new string('a', MeasureAttachment.FileNameMaxLength - 5) + "😀😀.png");
        Assert.False(char.IsHighSurrogate(emoji![^5]));
    }

    [Fact]
    public void Size_is_checked_first()
    {
        Assert.Contains("附件太大", AttachmentRules.Check("a.png", MeasureAttachment.MaxBytes + 1, Png).Error);
        Assert.Null(AttachmentRules.Check("a.png", MeasureAttachment.MaxBytes, Png).Error);
        Assert.Contains("空文件", AttachmentRules.Check("a.png", 0, []).Error);
    }
}
