using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pingyi.Web.Features.Reports.Writing;

/// <summary>
/// The styles of the 公文 layout (GB/T 9704—2012 as local offices apply it): body 仿宋_GB2312 三号 with
/// a fixed 28 pt line and a first-line indent of two characters, title 方正小标宋简体 二号 centred,
/// first-level headings 黑体 三号, tables in 小四. Sizes are in half-points, lengths in twips.
/// </summary>
internal static class DocxStyles
{
    public const string TitleFont = "方正小标宋简体";
    public const string HeadingFont = "黑体";
    public const string BodyFont = "仿宋_GB2312";
    public const string PageNumberFont = "宋体";

    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string TableCaption = "TableCaption";
    public const string TableHeading = "TableHeading";
    public const string TableText = "TableText";
    public const string TableNote = "TableNote";
    public const string Figure = "Figure";
    public const string FigureCaption = "FigureCaption";
    public const string Signature = "Signature";
    public const string AppendixTitle = "AppendixTitle";
    public const string Footer = "Footer";

    /// <summary>三号 = 16 pt; 二号 = 22 pt; 四号 = 14 pt; 小四 = 12 pt.</summary>
    private const int San = 32, Er = 44, Si = 28, XiaoSi = 24;

    /// <summary>Two characters of 三号 text: the 公文 first-line indent and the right indent of the date.</summary>
    public const int TwoChars = 640;

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(BodyFont),
                new FontSize { Val = San.ToString() },
                new FontSizeComplexScript { Val = San.ToString() },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(Exact28()))),
        Paragraph("Normal", "Normal", null, isDefault: true,
            [new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }, FirstLine(), new Justification { Val = JustificationValues.Both }],
            [Fonts(BodyFont), Size(San)]),
        Paragraph(Title, "Title", "Normal", isDefault: false,
            [new KeepNext(), new SpacingBetweenLines { Before = "0", After = "560", Line = "700", LineRule = LineSpacingRuleValues.Exact }, NoIndent(), new Justification { Val = JustificationValues.Center }, new OutlineLevel { Val = 0 }],
            [Fonts(TitleFont), Size(Er)]),
        Paragraph(Heading1, "heading 1", "Normal", isDefault: false,
            [new KeepNext(), FirstLine(), new OutlineLevel { Val = 0 }],
            [Fonts(HeadingFont), Size(San)]),
        Paragraph(TableCaption, "Table Caption", "Normal", isDefault: false,
            [new KeepNext(), new SpacingBetweenLines { Before = "160", After = "80", Line = "360", LineRule = LineSpacingRuleValues.Exact }, NoIndent(), new Justification { Val = JustificationValues.Center }],
            [Fonts(HeadingFont), Size(Si)]),
        Paragraph(TableHeading, "Table Heading", "Normal", isDefault: false,
            [new KeepNext(), new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), new Justification { Val = JustificationValues.Center }],
            [Fonts(HeadingFont), Size(XiaoSi)]),
        Paragraph(TableText, "Table Text", "Normal", isDefault: false,
            [new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), new Justification { Val = JustificationValues.Left }],
            [Fonts(BodyFont), Size(XiaoSi)]),
        Paragraph(TableNote, "Table Note", "Normal", isDefault: false,
            [new SpacingBetweenLines { Before = "60", After = "160", Line = "360", LineRule = LineSpacingRuleValues.Exact }, NoIndent()],
            [Fonts(BodyFont), Size(XiaoSi)]),
        Paragraph(Figure, "Figure", "Normal", isDefault: false,
            // An inline image in a fixed-height line would be cut to 28 pt: figures take their own height.
            [new KeepNext(), new SpacingBetweenLines { Before = "160", Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), new Justification { Val = JustificationValues.Center }],
            [Fonts(BodyFont), Size(San)]),
        Paragraph(FigureCaption, "Figure Caption", "Normal", isDefault: false,
            [new SpacingBetweenLines { After = "160", Line = "360", LineRule = LineSpacingRuleValues.Exact }, NoIndent(), new Justification { Val = JustificationValues.Center }],
            [Fonts(HeadingFont), Size(Si)]),
        Paragraph(Signature, "Signature", "Normal", isDefault: false,
            [new KeepLines(), new Indentation { Right = TwoChars.ToString(), FirstLine = "0", FirstLineChars = 0 }, new Justification { Val = JustificationValues.Right }],
            [Fonts(BodyFont), Size(San)]),
        Paragraph(AppendixTitle, "Appendix Title", "Normal", isDefault: false,
            [new KeepNext(), NoIndent()],
            [Fonts(HeadingFont), Size(San)]),
        Paragraph(Footer, "footer", "Normal", isDefault: false,
            [new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, NoIndent(), new Justification { Val = JustificationValues.Center }],
            [Fonts(PageNumberFont), Size(Si)]));

    /// <summary>
    /// The font table names each font with the family it belongs to (serif 宋体/仿宋, sans 黑体), the
    /// GB2312 character set and a Noto CJK face as the alternative, so a machine without the Founder
    /// and GB2312 fonts (LibreOffice on Linux) still picks a CJK face of the right kind.
    /// </summary>
    public static DocumentFormat.OpenXml.Wordprocessing.Fonts FontTable() => new(
        Font(TitleFont, "Noto Serif CJK SC", FontFamilyValues.Roman),
        Font(BodyFont, "Noto Serif CJK SC", FontFamilyValues.Roman),
        Font(HeadingFont, "Noto Sans CJK SC", FontFamilyValues.Swiss),
        Font(PageNumberFont, "Noto Serif CJK SC", FontFamilyValues.Roman));

    public static Settings Settings() => new(
        new Zoom { Percent = "100" },
        new DefaultTabStop { Val = 420 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }));

    public static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia };

    private static Font Font(string name, string alternative, FontFamilyValues family) => new(
        new AltName { Val = alternative },
        new FontCharSet { Val = "86" },
        new DocumentFormat.OpenXml.Wordprocessing.FontFamily { Val = family },
        new Pitch { Val = FontPitchValues.Variable })
    { Name = name };

    private static Style Paragraph(string id, string name, string? basedOn, bool isDefault, OpenXmlElement[] paragraph, OpenXmlElement[] run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }
        style.Append(new PrimaryStyle());
        style.Append(new StyleParagraphProperties(paragraph));
        style.Append(new StyleRunProperties(run));
        return style;
    }

    private static SpacingBetweenLines Exact28() => new() { Before = "0", After = "0", Line = "560", LineRule = LineSpacingRuleValues.Exact };

    private static Indentation FirstLine() => new() { FirstLineChars = 200, FirstLine = TwoChars.ToString() };

    private static Indentation NoIndent() => new() { FirstLineChars = 0, FirstLine = "0" };

    private static FontSize Size(int halfPoints) => new() { Val = halfPoints.ToString() };
}
