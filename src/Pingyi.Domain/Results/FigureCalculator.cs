using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Results;

/// <summary>Adds up the answer counts of a set of cells into <see cref="Figures"/>; the formulas are on those types.</summary>
internal sealed class FigureCalculator
{
    private readonly IReadOnlyList<ItemInfo> items;
    private readonly IReadOnlyDictionary<CellKey, long> ballots;
    private readonly Dictionary<CellKey, AnswerCount[]> byCell;

    public FigureCalculator(IReadOnlyList<ItemInfo> items, IReadOnlyDictionary<CellKey, long> ballots, IReadOnlyList<AnswerCount> answers)
    {
        this.items = [.. items.OrderBy(i => i.Position).ThenBy(i => i.Id)];
        this.ballots = ballots;
        byCell = answers
            .Where(a => a.Count > 0)
            .GroupBy(a => new CellKey(a.SubjectId, a.RaterGroupId))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    public Figures Of(IEnumerable<CellKey> cells)
    {
        var distinct = cells.ToHashSet();
        var counts = new Dictionary<int, Dictionary<int, long>>();
        long ballotCount = 0;
        foreach (var cell in distinct)
        {
            ballotCount += ballots.GetValueOrDefault(cell);
            if (!byCell.TryGetValue(cell, out var cellAnswers))
            {
                continue;
            }
            foreach (var a in cellAnswers)
            {
                if (!counts.TryGetValue(a.ItemId, out var values))
                {
                    counts[a.ItemId] = values = [];
                }
                values[a.Value] = values.GetValueOrDefault(a.Value) + a.Count;
            }
        }
        var itemFigures = new List<ItemFigures>();
        foreach (var item in items)
        {
            if (counts.TryGetValue(item.Id, out var values))
            {
                itemFigures.Add(ItemOf(item, values));
            }
        }
        var rate = Rate.Empty;
        var strict = Rate.Empty;
        foreach (var grade in itemFigures.Where(i => i.Item.Kind == ItemKind.Grade))
        {
            rate = rate.Add(grade.Rate);
            strict = strict.Add(grade.Strict);
        }
        var weighted = itemFigures.Where(i => i.Item.Weight > 0 && i.Score?.Percent is not null).ToList();
        double? weightedScore = weighted.Count == 0
            ? null
            : weighted.Sum(i => i.Item.Weight * i.Score!.Percent!.Value) / weighted.Sum(i => i.Item.Weight);
        return new Figures(ballotCount, rate, strict, weightedScore, itemFigures.Sum(i => i.Opinions), itemFigures);
    }

    private static ItemFigures ItemOf(ItemInfo item, Dictionary<int, long> values)
    {
        switch (item.Kind)
        {
            case ItemKind.Grade:
                {
                    // Values outside the scale are not valid answers and count nowhere.
                    var levels = GradeScales.Of(item.Scale)
                        .Select(l => (Level: l, Count: values.GetValueOrDefault(l.Value)))
                        .ToList();
                    var n = levels.Sum(l => l.Count);
                    var rate = new Rate(levels.Where(l => l.Level.Satisfied).Sum(l => l.Count), n);
                    var strict = new Rate(levels.Where(l => l.Level.StrictlySatisfied).Sum(l => l.Count), n);
                    return new(item, rate, strict, [.. levels.Select(l => new LevelCount(l.Level.Value, l.Level.Label, l.Count))], null, [], 0);
                }
            case ItemKind.Score:
                {
                    var valid = values.Where(v => v.Key >= 0 && v.Key <= item.MaxScore).ToList();
                    var score = new ScoreMean(valid.Sum(v => v.Value), valid.Sum(v => v.Key * v.Value), item.MaxScore);
                    return new(item, Rate.Empty, Rate.Empty, [], score, [], 0);
                }
            case ItemKind.SingleChoice:
            case ItemKind.MultipleChoice:
                return new(item, Rate.Empty, Rate.Empty, [], null, OptionsOf(item, values), 0);
            default:
                return new(item, Rate.Empty, Rate.Empty, [], null, [], values.Values.Sum());
        }
    }

    /// <summary>Counts per option; a multiple-choice answer is a bit mask (bit n-1 for option n) and counts once per ticked option.</summary>
    private static List<OptionCount> OptionsOf(ItemInfo item, Dictionary<int, long> values)
    {
        var multiple = item.Kind == ItemKind.MultipleChoice;
        var highest = values.Keys
            .Select(v => multiple ? (v > 0 ? 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)v) : 0) : v)
            .DefaultIfEmpty(0)
            .Max();
        // A garbage value must not make the loop run to int.MaxValue.
        var optionCount = Math.Min(item.Options.Count > 0 ? item.Options.Count : highest, FormItem.MaxOptions);
        var options = new List<OptionCount>(optionCount);
        for (var option = 1; option <= optionCount; option++)
        {
            var bit = 1 << (option - 1);
            var count = multiple
                ? values.Where(v => (v.Key & bit) != 0).Sum(v => v.Value)
                : values.GetValueOrDefault(option);
            var label = option <= item.Options.Count ? item.Options[option - 1] : $"选项{option}";
            options.Add(new OptionCount(option, label, count));
        }
        return options;
    }
}
