using Pingyi.Domain.Forms;

namespace Pingyi.Web.Features.Forms;

/// <summary>
/// The edits an administrator makes to one form version, as functions over the version: each
/// checks first and changes nothing when it refuses, so a refusal leaves the version as it was.
/// Sections are named by their 1-based position and items by their key, because database ids
/// change when a frozen version is copied into the next one.
/// </summary>
public static class FormEdits
{
    public static IReadOnlyList<string> SetHeader(FormVersion version, string? title, string? description)
    {
        var errors = FormRules.CheckHeader(title, description);
        if (errors.Count == 0)
        {
            version.Title = title!.Trim();
            version.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        }
        return errors;
    }

    public static IReadOnlyList<string> AddSection(FormVersion version, string? title)
    {
        if (version.Sections.Count >= FormVersion.MaxSections)
        {
            return [$"测评表最多{FormVersion.MaxSections}个分组。"];
        }
        if (FormRules.CheckSectionTitle(title) is { } error)
        {
            return [error];
        }
        version.Sections.Add(new FormSection { Position = version.Sections.Count + 1, Title = Clean(title) });
        Renumber(version);
        return [];
    }

    public static IReadOnlyList<string> RenameSection(FormVersion version, int position, string? title)
    {
        if (SectionAt(version, position) is not { } section)
        {
            return [MissingSection];
        }
        if (FormRules.CheckSectionTitle(title) is { } error)
        {
            return [error];
        }
        section.Title = Clean(title);
        return [];
    }

    public static IReadOnlyList<string> DeleteSection(FormVersion version, int position)
    {
        if (SectionAt(version, position) is not { } section)
        {
            return [MissingSection];
        }
        version.Sections.Remove(section);
        Renumber(version);
        return [];
    }

    public static IReadOnlyList<string> MoveSection(FormVersion version, int position, bool up)
    {
        var ordered = Ordered(version);
        var index = position - 1;
        var other = up ? index - 1 : index + 1;
        if (index < 0 || index >= ordered.Count)
        {
            return [MissingSection];
        }
        if (other < 0 || other >= ordered.Count)
        {
            return [up ? "该分组已经在最前面。" : "该分组已经在最后面。"];
        }
        (ordered[index].Position, ordered[other].Position) = (ordered[other].Position, ordered[index].Position);
        Renumber(version);
        return [];
    }

    /// <summary>Adds <paramref name="item"/> (kind and fields filled in by the caller) at the end of a section.</summary>
    public static IReadOnlyList<string> AddItem(FormVersion version, int sectionPosition, FormItem item)
    {
        if (SectionAt(version, sectionPosition) is not { } section)
        {
            return [MissingSection];
        }
        if (version.Sections.Sum(s => s.Items.Count) >= FormVersion.MaxItems)
        {
            return [$"测评表最多{FormVersion.MaxItems}个评议项目。"];
        }
        item.Key = "";
        FormRules.ApplyDefaults(item);
        var errors = FormRules.CheckItem(item);
        if (errors.Count > 0)
        {
            return errors;
        }
        var keys = version.Sections.SelectMany(s => s.Items).Select(i => i.Key).ToHashSet();
        while (keys.Contains(item.Key))
        {
            item.Key = FormRules.NewKey();
        }
        item.Position = section.Items.Count + 1;
        section.Items.Add(item);
        Renumber(version);
        return [];
    }

    /// <summary>Replaces the content of the item with this key; the key and place stay.</summary>
    public static IReadOnlyList<string> UpdateItem(FormVersion version, string key, FormItem input)
    {
        if (ItemOf(version, key) is not { } item)
        {
            return [MissingItem];
        }
        input.Key = item.Key;
        FormRules.ApplyDefaults(input);
        var errors = FormRules.CheckItem(input);
        if (errors.Count > 0)
        {
            return errors;
        }
        item.Kind = input.Kind;
        item.Text = input.Text;
        item.Help = input.Help;
        item.Required = input.Required;
        item.Scale = input.Scale;
        item.MaxScore = input.MaxScore;
        item.Weight = input.Weight;
        item.MaxLength = input.MaxLength;
        item.MaxChoices = input.MaxChoices;
        item.Options = input.Options;
        return [];
    }

    public static IReadOnlyList<string> DeleteItem(FormVersion version, string key)
    {
        var section = version.Sections.FirstOrDefault(s => s.Items.Any(i => i.Key == key));
        if (section is null)
        {
            return [MissingItem];
        }
        section.Items.Remove(section.Items.First(i => i.Key == key));
        Renumber(version);
        return [];
    }

    /// <summary>
    /// Moves an item one place up or down; from the edge of its section it crosses into the
    /// neighbouring section, so items can be regrouped without deleting and retyping them.
    /// </summary>
    public static IReadOnlyList<string> MoveItem(FormVersion version, string key, bool up)
    {
        var sections = Ordered(version);
        var sectionIndex = sections.FindIndex(s => s.Items.Any(i => i.Key == key));
        if (sectionIndex < 0)
        {
            return [MissingItem];
        }
        var items = sections[sectionIndex].Items.OrderBy(i => i.Position).ToList();
        var index = items.FindIndex(i => i.Key == key);
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < items.Count)
        {
            (items[index].Position, items[other].Position) = (items[other].Position, items[index].Position);
            Renumber(version);
            return [];
        }
        var target = up ? sectionIndex - 1 : sectionIndex + 1;
        if (target < 0 || target >= sections.Count)
        {
            return [up ? "该项目已经在最前面。" : "该项目已经在最后面。"];
        }
        var item = items[index];
        sections[sectionIndex].Items.Remove(item);
        // Entering from below lands last; entering from above lands first.
        item.Position = up ? int.MaxValue : 0;
        sections[target].Items.Add(item);
        Renumber(version);
        return [];
    }

    public static FormItem? ItemOf(FormVersion version, string key) =>
        version.Sections.SelectMany(s => s.Items).FirstOrDefault(i => i.Key == key);

    /// <summary>Positions 1, 2, 3 … for sections and, within each, for items, in their current order.</summary>
    public static void Renumber(FormVersion version)
    {
        var position = 0;
        foreach (var section in Ordered(version))
        {
            section.Position = ++position;
            var itemPosition = 0;
            foreach (var item in section.Items.OrderBy(i => i.Position).ToList())
            {
                item.Position = ++itemPosition;
            }
        }
    }

    private const string MissingSection = "找不到该分组，测评表可能已被修改，请刷新后重试。";
    private const string MissingItem = "找不到该评议项目，测评表可能已被修改，请刷新后重试。";

    private static List<FormSection> Ordered(FormVersion version) => version.Sections.OrderBy(s => s.Position).ToList();

    private static FormSection? SectionAt(FormVersion version, int position) =>
        position >= 1 && position <= version.Sections.Count ? Ordered(version)[position - 1] : null;

    private static string? Clean(string? title) => string.IsNullOrWhiteSpace(title) ? null : title.Trim();
}
