using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Pingyi.Web.Features.Results.Charts;

/// <summary>
/// A rendered chart. Razor writes it as markup without Html.Raw: it can only be made by the
/// chart classes, whose <see cref="SvgBuilder"/> has already escaped every text and attribute.
/// </summary>
public sealed class ChartSvg : IHtmlContent
{
    internal ChartSvg(string markup) => Markup = markup;

    public string Markup { get; }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(Markup);

    public override string ToString() => Markup;
}
