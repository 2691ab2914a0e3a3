using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Results;

/// <summary>Adds up the answer counts of a set of cells into <see cref="Figures"/>; the formulas are on those types.</summary>
internal sealed class FigureCalculator(IReadOnlyList<ItemInfo> items, IReadOnlyDictionary<CellKey, long> ballots, IReadOnlyList<AnswerCount> answers)
{
    private readonly IReadOnlyList<ItemInfo> items = [.. items.OrderBy(i => i.Position).ThenBy(i => i.Id)];

    private readonly ILookup<CellKey, AnswerCount> byCell = answers.ToLookup(a => new CellKey(a.SubjectId, a.RaterGroupId));

    public Figures Of(IEnumerable<CellKey> cells)
    {
        var distinct = cells.Distinct().ToList();
        var counts = new Dictionary<(int ItemId, int Value), long>();
        foreach (var a in distinct.SelectMany(c => byCell[c]))
        {
            counts[(a.ItemId, a.Value)] = counts.GetValueOrDefault((a.ItemId, a.Value)) + a.Count;
        }
        var itemFigures = new List<ItemFigures>();
        foreach (var item in items)
        {
            var values = counts.Where(c => c.Key.ItemId == item.Id && c.Value > 0).Select(c => (c.Key.Value, Count: c.Value)).ToList();
            if (values.Count > 0)
            {
                itemFigures.Add(ItemOf(item, values));
            }
        }
        var grades = itemFigures.Where(i => i.Item.Kind == ItemKind.Grade).ToList();
        var rate = grades.Aggregate(Rate.Empty, (r, i) => r.Add(i.Rate));
        var strict = grades.Aggregate(Rate.Empty, (r, i) => r.Add(i.Strict));
        var weighted = itemFigures.Where(i => i.Item.Weight > 0 && i.Score?.Percent is not null).ToList();
        double? weightedScore = weighted.Count == 0
            ? null
            : weighted.Sum(i => i.Item.Weight * i.Score!.Percent!.Value) / weighted.Sum(i => i.Item.Weight);
        return new Figures(
            distinct.Sum(c => ballots.GetValueOrDefault(c)),
            rate,
            strict,
            weightedScore,
            itemFigures.Sum(i => i.Opinions),
            itemFigures);
    }

    private static ItemFigures ItemOf(ItemInfo item, List<(int Value, long Count)> values)
    {
        switch (item.Kind)
        {
            case ItemKind.Grade:
                {
                    // Values outside the scale are not valid answers and count nowhere.
                    var levels = GradeScales.Of(item.Scale)
                        .Select(l => (Level: l, Count: values.Where(v => v.Value == l.Value).Sum(v => v.Count)))
                        .ToList();
                    var n = levels.Sum(l => l.Count);
                    var rate = new Rate(levels.Where(l => l.Level.Satisfied).Sum(l => l.Count), n);
                    var strict = new Rate(levels.Where(l => l.Level.StrictlySatisfied).Sum(l => l.Count), n);
                    return new(item, rate, strict, [.. levels.Select(l => new LevelCount(l.Level.Value, l.Level.Label, l.Count))], null, [], 0);
                }
            case ItemKind.Score:
                {
                    var valid = values.Where(v => v.Value >= 0 && v.Value <= item.MaxScore).ToList();
                    var score = new ScoreMean(valid.Sum(v => v.Count), valid.Sum(v => v.Value * v.Count), item.MaxScore);
                    return new(item, Rate.Empty, Rate.Empty, [], score, [], 0);
                }
            case ItemKind.SingleChoice:
            case ItemKind.MultipleChoice:
                {
                    var multiple = item.Kind == ItemKind.MultipleChoice;
                    var highest = multiple
                        ? values.Select(v => v.Value > 0 ? 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)v.Value) : 0).DefaultIfEmpty(0).Max()
                        : values.Select(v => v.Value).DefaultIfEmpty(0).Max();
                    // A garbage value must not make the loop run to int.MaxValue.
                    var optionCount = Math.Min(item.Options.Count > 0 ? item.Options.Count : highest, FormItem.MaxOptions);
                    var options = new List<OptionCount>();
                    for (var option = 1; option <= optionCount; option++)
                    {
                        var bit = 1 << (option - 1);
                        var count = multiple
                            ? values.Where(v => (v.Value & bit) != 0).Sum(v => v.Count)
                            : values.Where(v => v.Value == option).Sum(v => v.Count);
                        var label = option <= item.Options.Count ? item.Options[option - 1] : $"选项{option}";
                        options.Add(new OptionCount(option, label, count));
                    }
                    return new(item, Rate.Empty, Rate.Empty, [], null, options, 0);
                }
            default:
                return new(item, Rate.Empty, Rate.Empty, [], null, [], values.Sum(v => v.Count));
        }
    }
}
