using System.Globalization;
using System.Text;
using QRCoder;

namespace Pingyi.Web.Features.Ballots;

/// <summary>
/// A QR code as inline SVG: one path of horizontal runs, so a print page of hundreds of slips
/// stays small and needs neither images nor scripts (the CSP allows inline SVG).
/// </summary>
public static class QrSvg
{
    public static string Render(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            var x = 0;
            while (x < size)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }
                var start = x;
                while (x < size && row[x])
                {
                    x++;
                }
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start}v1h-{x - start}z");
            }
        }
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"评议链接二维码\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
