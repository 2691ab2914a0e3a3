using System.Text;
using Pingyi.Domain.Forms;

namespace Pingyi.Web.Features.Forms;

/// <summary>A form version as a downloadable JSON file, for the page and the API alike.</summary>
public static class FormExport
{
    public const string ContentType = "application/json; charset=utf-8";

    public static byte[] Bytes(FormVersion version) => Encoding.UTF8.GetBytes(FormJson.Export(version));

    /// <summary>
    /// The title with the characters that file systems refuse replaced; the name is sent as RFC
    /// 5987 filename* so Chinese titles survive the download.
    /// </summary>
    public static string FileName(FormVersion version)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat("<>:\"/\\|?*").ToHashSet();
        var title = new string(version.Title.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return $"{(title.Length == 0 ? "测评表" : title)}-第{version.Number}版.json";
    }
}
