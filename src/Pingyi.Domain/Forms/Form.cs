namespace Pingyi.Domain.Forms;

/// <summary>
/// 测评表: a questionnaire owned by an organisation, made of numbered versions. A version used by
/// an open campaign is frozen; editing the form then makes the next version, so every ballot
/// answers exactly the version it was given.
/// </summary>
public class Form
{
    public int Id { get; set; }

    /// <summary>The owner: its administrators edit the form; everyone below it may use it.</summary>
    public int OrganizationId { get; set; }

    public Organizations.Organization? Organization { get; set; }

    /// <summary>The built-in template the form was copied from, if any.</summary>
    public string? TemplateKey { get; set; }

    public bool IsArchived { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<FormVersion> Versions { get; set; } = [];
}

/// <summary>One version of a form: its title, instructions, sections and items.</summary>
public class FormVersion
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int MaxSections = 30;
    public const int MaxItems = 200;

    public int Id { get; set; }

    public int FormId { get; set; }

    public Form? Form { get; set; }

    /// <summary>1, 2, 3 … within the form.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";

    /// <summary>指导语: shown to the rater above the first section.</summary>
    public string? Description { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when a campaign using this version opened; a frozen version never changes again.</summary>
    public DateTime? FrozenUtc { get; set; }

    public bool IsFrozen => FrozenUtc is not null;

    public List<FormSection> Sections { get; set; } = [];

    public IEnumerable<FormItem> Items => Sections.OrderBy(s => s.Position).SelectMany(s => s.Items.OrderBy(i => i.Position));
}

/// <summary>A titled group of items; a form with one untitled section shows no heading.</summary>
public class FormSection
{
    public const int TitleMaxLength = 100;

    public int Id { get; set; }

    public int FormVersionId { get; set; }

    public int Position { get; set; }

    public string? Title { get; set; }

    public List<FormItem> Items { get; set; } = [];
}

/// <summary>评议项目: one question of a form.</summary>
public class FormItem
{
    public const int TextMaxLength = 300;
    public const int HelpMaxLength = 500;
    public const int KeyLength = 8;
    public const int OptionMaxLength = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int MaxScoreLimit = 100;
    public const int MaxWeight = 100;
    public const int DefaultTextLength = 500;
    public const int TextLengthLimit = 2000;

    public int Id { get; set; }

    public int SectionId { get; set; }

    public int Position { get; set; }

    /// <summary>
    /// Stays the same across versions of a form, so an item can be compared year on year even
    /// after the form was edited.
    /// </summary>
    public string Key { get; set; } = "";

    public ItemKind Kind { get; set; }

    public string Text { get; set; } = "";

    public string? Help { get; set; }

    public bool Required { get; set; } = true;

    /// <summary>For grade items: which levels the rater chooses from.</summary>
    public GradeScale Scale { get; set; }

    /// <summary>For score items: the highest score (0..MaxScore).</summary>
    public int MaxScore { get; set; }

    /// <summary>For score items: the item's weight in the form's weighted score.</summary>
    public int Weight { get; set; }

    /// <summary>For text items: the longest answer accepted.</summary>
    public int MaxLength { get; set; }

    /// <summary>For multiple-choice items: how many options may be ticked at most (0 = any number).</summary>
    public int MaxChoices { get; set; }

    /// <summary>For choice items: the options in order; an answer stores the option's 1-based number.</summary>
    public List<string> Options { get; set; } = [];
}

public enum ItemKind
{
    Grade = 1,
    Score = 2,
    SingleChoice = 3,
    MultipleChoice = 4,
    Text = 5,
}
