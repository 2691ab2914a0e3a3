using MiniExcelLibs;
using Pingyi.Web.Importing;

namespace Pingyi.Web.Features.Ballots;

/// <summary>The .xlsx of a batch for an SMS or HIS system to send, one code per row.</summary>
public static class CodesExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Columns = ["序号", "评议链接", "评议码（短码）", "评议人类别", "活动名称"];

    public static byte[] Bytes(HttpRequest request, IReadOnlyList<PlainCode> codes, string groupName, string campaignName)
    {
        // Every text cell is neutralised: a campaign or group name starting with "=" must stay text in Excel.
        var group = CellSafety.Neutralize(groupName);
        var campaign = CellSafety.Neutralize(campaignName);
        var rows = codes.Select((c, i) => new Dictionary<string, object>
        {
            [Columns[0]] = i + 1,
            [Columns[1]] = CellSafety.Neutralize(BatchCodes.Link(request, c.Long)),
            [Columns[2]] = CellSafety.Neutralize(c.ShortFormatted),
            [Columns[3]] = group,
            [Columns[4]] = campaign,
        });
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "评议码");
        return stream.ToArray();
    }

    public static string FileName(int batchId) => $"评议码-第{batchId}批.xlsx";
}
