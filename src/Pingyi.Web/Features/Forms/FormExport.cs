using System.Text;
using Pingyi.Domain.Forms;
using Pingyi.Web.Infrastructure;

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
    public static string FileName(FormVersion version) => $"{FileNames.Safe(version.Title, "测评表")}-第{version.Number}版.json";
}
