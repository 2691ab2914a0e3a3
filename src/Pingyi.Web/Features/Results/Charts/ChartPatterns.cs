namespace Pingyi.Web.Features.Results.Charts;

/// <summary>
/// Fill patterns that tell series apart when a chart is printed in black and white: each is a
/// different hatching (diagonal, cross, horizontal, dots …) in a dark colour, so the screen
/// shows colour and the printout still shows the difference.
/// </summary>
public static class ChartPatterns
{
    private enum Hatch { Diagonal, Cross, Horizontal, Dots, BackDiagonal, Vertical, Grid }

    private static readonly (Hatch Hatch, string Colour)[] Styles =
    [
        (Hatch.Diagonal, "#1d4e89"),
        (Hatch.Cross, "#8c2d04"),
        (Hatch.Horizontal, "#2b6a30"),
        (Hatch.Dots, "#5b2a86"),
        (Hatch.BackDiagonal, "#7a5200"),
        (Hatch.Vertical, "#333333"),
        (Hatch.Grid, "#005f6b"),
    ];

    private const int Tile = 6;

    public static int Count => Styles.Length;

    /// <summary>The pattern's id; chart ids keep several charts on one page apart.</summary>
    public static string Id(string chartId, int index) => $"{chartId}-p{Wrap(index)}";

    /// <summary>The fill value referring to the pattern.</summary>
    public static string Fill(string chartId, int index) => $"url(#{Id(chartId, index)})";

    /// <summary>The outline colour that goes with the pattern.</summary>
    public static string Stroke(int index) => Styles[Wrap(index)].Colour;

    /// <summary>Writes the definitions of the first <paramref name="count"/> patterns into an open defs element.</summary>
    public static void Define(SvgBuilder svg, string chartId, int count)
    {
        for (var i = 0; i < Math.Min(count, Styles.Length); i++)
        {
            var (hatch, colour) = Styles[i];
            var rotate = hatch switch
            {
                Hatch.Diagonal or Hatch.Cross => "rotate(45)",
                Hatch.BackDiagonal => "rotate(-45)",
                _ => null,
            };
            svg.Open("pattern", ("id", Id(chartId, i)), ("patternUnits", "userSpaceOnUse"),
                ("width", Tile), ("height", Tile), ("patternTransform", rotate));
            svg.Element("rect", ("width", Tile), ("height", Tile), ("fill", "#ffffff"));
            switch (hatch)
            {
                case Hatch.Dots:
                    svg.Element("circle", ("cx", 3), ("cy", 3), ("r", 1.6), ("fill", colour));
                    break;
                case Hatch.Horizontal:
                    Line(svg, colour, 0, 3, Tile, 3);
                    break;
                case Hatch.Diagonal or Hatch.BackDiagonal or Hatch.Vertical:
                    Line(svg, colour, 3, 0, 3, Tile);
                    break;
                case Hatch.Cross or Hatch.Grid:
                    Line(svg, colour, 3, 0, 3, Tile);
                    Line(svg, colour, 0, 3, Tile, 3);
                    break;
            }
            svg.Close();
        }
    }

    private static void Line(SvgBuilder svg, string colour, double x1, double y1, double x2, double y2) =>
        svg.Element("line", ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("stroke", colour), ("stroke-width", 2));

    private static int Wrap(int index) => ((index % Styles.Length) + Styles.Length) % Styles.Length;
}
