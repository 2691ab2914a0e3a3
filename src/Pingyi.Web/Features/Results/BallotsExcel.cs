using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// The anonymised ballots workbook: one row per ballot and subject (the answers one rater gave
/// about one subject) with the rater group, channel, date and, per item, the answer's label.
/// <para><b>What is left out, and why</b></para>
/// <list type="bullet">
/// <item>No ballot id, receipt hash or anything else that could join a row to a code, a receipt or
/// a moment; rows are ordered by SHA-256 of (ballot id, subject id), so the order says nothing about
/// arrival, and the rows of one ballot about different subjects are scattered rather than adjacent.</item>
/// <item>Only subjects in the caller's subtree.</item>
/// <item><b>Suppression rule</b>: a row is exported only if its (subject, rater group) cell is shown
/// in the statistics of the same view (<see cref="CampaignResults.Compute"/> over the caller's
/// subjects, which starts from the whole campaign's hidden cells). A cell below k or hidden to stop
/// subtraction exports none of its ballots: listing them would let anyone count and tally them and
/// so undo the suppression. The statistics and the ballots are read in one snapshot
/// (<see cref="ResultExports"/>), so a ballot stored or excluded meanwhile cannot tip a cell.</item>
/// <item>Excluded ballots; the notes sheet says how many there are.</item>
/// </list>
/// Every text cell (names, labels, opinions) passes through <see cref="Importing.CellSafety"/>.
/// </summary>
public static class BallotsExcel
{
    public const string BallotSheet = "测评票";
    public const string NotesSheet = "说明";

    public static readonly string[] FixedColumns = ["评议对象", "评议人类别", "渠道", "日期"];

    private static readonly Dictionary<BallotChannel, string> Channels = new()
    {
        [BallotChannel.Online] = "线上",
        [BallotChannel.Paper] = "纸质",
        [BallotChannel.Standing] = "平时扫码",
    };

    /// <summary>Reads the exportable answers and writes the workbook; call inside the snapshot the result was computed in.</summary>
    public static async Task<byte[]> BytesAsync(AppDbContext db, CampaignResult result, string campaignName, CancellationToken cancellationToken)
    {
        var shown = result.Subjects
            .SelectMany(s => s.Cells.Where(c => c.Block.IsShown && c.Block.Figures!.Ballots > 0).Select(c => new CellKey(s.Subject.Id, c.RaterGroupId)))
            .ToHashSet();
        var subjectIds = shown.Select(c => c.SubjectId).Distinct().ToList();
        var answers = await db.BallotAnswers.AsNoTracking()
            .Where(a => subjectIds.Contains(a.SubjectId))
            .Join(db.Ballots.AsNoTracking().Where(b => b.CampaignId == result.CampaignId && b.ExclusionId == null),
                a => a.BallotId, b => b.Id,
                (a, b) => new { b.Id, b.RaterGroupId, b.Channel, b.SubmittedOn, a.SubjectId, a.ItemId, a.Value, a.Text })
            .ToListAsync(cancellationToken);

        var columns = Columns(result.Items);
        var subjects = result.Subjects.ToDictionary(s => s.Subject.Id, s => ResultsExcel.Text(s.Subject.Name));
        var groups = result.Groups.ToDictionary(g => g.Id,
            g => ResultsExcel.Text(g.IsLowerTrust ? $"{g.Name}（{CampaignResult.LowerTrustLabel}）" : g.Name));
        var items = result.Items.ToDictionary(i => i.Id);
        var rows = answers
            .Where(a => shown.Contains(new CellKey(a.SubjectId, a.RaterGroupId)))
            .GroupBy(a => (a.Id, a.SubjectId))
            .Select(set =>
            {
                var first = set.First();
                var row = new object?[FixedColumns.Length + columns.Headers.Count];
                row[0] = subjects[first.SubjectId];
                row[1] = groups[first.RaterGroupId];
                row[2] = Channels.GetValueOrDefault(first.Channel, "");
                row[3] = first.SubmittedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                foreach (var a in set)
                {
                    if (items.TryGetValue(a.ItemId, out var item) && columns.Index.TryGetValue(item.Key, out var index))
                    {
                        row[FixedColumns.Length + index] = Label(item, a.Value, a.Text);
                    }
                }
                return (Order: OrderKey(set.Key.Id, set.Key.SubjectId), Row: row);
            })
            .OrderBy(r => r.Order, StringComparer.Ordinal)
            .Select(r => r.Row)
            .ToList();

        var sheets = new Dictionary<string, object>
        {
            [BallotSheet] = ResultsExcel.Sheet([.. FixedColumns, .. columns.Headers], rows),
            [NotesSheet] = ResultsExcel.Sheet(["说明"],
            [
                [ResultsExcel.Text($"评议活动：{campaignName}")],
                [$"导出{rows.Count}行：每行为一张测评票对一个评议对象的回答，行的顺序与提交先后无关。"],
                [$"已剔除的测评票{result.ExcludedBallots}份，不在表中。"],
                [$"不足{result.K}份或为防推算而不显示结果的（评议对象，评议人类别），其测评票不导出。"],
                ["表中没有测评票编号、回执码、评议码或提交时间。"],
            ]),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    public static string FileName(int campaignId) => $"测评票-活动{campaignId}.xlsx";

    /// <summary>One column per item key (versions of a form share keys), headed "1. 总体评价".</summary>
    private static (List<string> Headers, Dictionary<string, int> Index) Columns(IReadOnlyList<ItemInfo> items)
    {
        var headers = new List<string>();
        var index = new Dictionary<string, int>();
        foreach (var item in items)
        {
            if (index.TryAdd(item.Key, headers.Count))
            {
                headers.Add($"{headers.Count + 1}. {item.Text}");
            }
        }
        return (headers, index);
    }

    private static object? Label(ItemInfo item, int? value, string? text)
    {
        if (item.Kind == ItemKind.Text)
        {
            return string.IsNullOrEmpty(text) ? null : ResultsExcel.Text(text);
        }
        if (value is not { } v)
        {
            return null;
        }
        return item.Kind switch
        {
            ItemKind.Grade => ResultsExcel.Text(GradeScales.Of(item.Scale).FirstOrDefault(l => l.Value == v)?.Label ?? v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ItemKind.Score => v,
            ItemKind.SingleChoice => ResultsExcel.Text(Option(item, v)),
            ItemKind.MultipleChoice => ResultsExcel.Text(string.Join("、",
                Enumerable.Range(1, FormItem.MaxOptions).Where(o => (v & (1 << (o - 1))) != 0).Select(o => Option(item, o)))),
            _ => null,
        };
    }

    private static string Option(ItemInfo item, int option) =>
        option >= 1 && option <= item.Options.Count ? item.Options[option - 1] : $"选项{option}";

    private static string OrderKey(Guid ballotId, int subjectId)
    {
        Span<byte> bytes = stackalloc byte[20];
        ballotId.TryWriteBytes(bytes);
        BitConverter.TryWriteBytes(bytes[16..], subjectId);
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}
