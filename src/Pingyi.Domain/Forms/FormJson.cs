using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Pingyi.Domain.Forms;

/// <summary>
/// The outcome of reading a form file: <see cref="Version"/> is set only when <see cref="Errors"/>
/// is empty, so a half-read form can never be saved by mistake.
/// </summary>
public sealed record FormJsonResult(FormVersion? Version, IReadOnlyList<string> Errors);

/// <summary>
/// A form version as a JSON file, so organisations can share forms. The file carries content only:
/// no ids, version numbers or freeze times, because an imported form starts a new life elsewhere.
/// </summary>
public static class FormJson
{
    public const string Format = "pingyi-form";
    public const int CurrentFormatVersion = 1;
    public const int MaxBytes = 256 * 1024;

    // Our own files nest six levels deep; a small limit keeps hostile files from exhausting the stack.
    private const int MaxDepth = 16;

    // Enough to recognise a wrong value in a message without echoing a whole hostile string back.
    private const int ShownValueLength = 20;

    private const string NotOurFile = "这不是评议系统导出的测评表文件。";

    private static readonly IReadOnlyDictionary<ItemKind, string> KindNames = new Dictionary<ItemKind, string>
    {
        [ItemKind.Grade] = "grade",
        [ItemKind.Score] = "score",
        [ItemKind.SingleChoice] = "singleChoice",
        [ItemKind.MultipleChoice] = "multipleChoice",
        [ItemKind.Text] = "text",
    };

    private static readonly IReadOnlyDictionary<GradeScale, string> ScaleNames = new Dictionary<GradeScale, string>
    {
        [GradeScale.Satisfaction3] = "satisfaction3",
        [GradeScale.Satisfaction5] = "satisfaction5",
        [GradeScale.MemberGrade4] = "memberGrade4",
    };

    private static readonly IReadOnlyDictionary<string, ItemKind> KindsByName =
        KindNames.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, GradeScale> ScalesByName =
        ScaleNames.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    // The file is downloaded, not embedded in a page, so Chinese stays readable; the encoder still
    // escapes <, > and & in case someone ever pastes the text into HTML.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    // People edit shared files by hand, so the reader forgives comments and trailing commas.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Export(FormVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("formatVersion", CurrentFormatVersion);
            w.WriteString("title", version.Title);
            WriteOptional(w, "description", version.Description);
            w.WriteStartArray("sections");
            foreach (var section in version.Sections.OrderBy(s => s.Position))
            {
                w.WriteStartObject();
                WriteOptional(w, "title", section.Title);
                w.WriteStartArray("items");
                foreach (var item in section.Items.OrderBy(i => i.Position))
                {
                    WriteItem(w, item);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteItem(Utf8JsonWriter w, FormItem item)
    {
        w.WriteStartObject();
        w.WriteString("key", item.Key);
        w.WriteString("kind", KindNames.TryGetValue(item.Kind, out var kind) ? kind : item.Kind.ToString());
        w.WriteString("text", item.Text);
        WriteOptional(w, "help", item.Help);
        w.WriteBoolean("required", item.Required);
        switch (item.Kind)
        {
            case ItemKind.Grade when item.Scale != GradeScale.None:
                w.WriteString("scale", ScaleNames.TryGetValue(item.Scale, out var scale) ? scale : item.Scale.ToString());
                break;
            case ItemKind.Score:
                w.WriteNumber("maxScore", item.MaxScore);
                w.WriteNumber("weight", item.Weight);
                break;
            case ItemKind.Text:
                w.WriteNumber("maxLength", item.MaxLength);
                break;
            case ItemKind.SingleChoice:
                WriteOptions(w, item.Options);
                break;
            case ItemKind.MultipleChoice:
                w.WriteNumber("maxChoices", item.MaxChoices);
                WriteOptions(w, item.Options);
                break;
        }
        w.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter w, List<string> options)
    {
        w.WriteStartArray("options");
        foreach (var option in options)
        {
            w.WriteStringValue(option);
        }
        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>
    /// Reads an uploaded file, refusing one larger than <see cref="MaxBytes"/> before anything is
    /// parsed. Never throws on the file's content.
    /// </summary>
    public static FormJsonResult Import(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            return Fail(TooLarge());
        }
        // One byte more than allowed tells a file of exactly MaxBytes from a longer one.
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }
        if (length > MaxBytes)
        {
            return Fail(TooLarge());
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return Fail("文件不是 UTF-8 编码的文本，请上传本系统导出的测评表文件。");
        }
        return Import(text);
    }

    /// <summary>
    /// Reads a form file into a new, unsaved version (number 1, positions 1..n, items through
    /// <see cref="FormRules.ApplyDefaults"/>). Mistakes in the file's shape are all reported on
    /// their own, since the values around them cannot be trusted; only a file that reads cleanly
    /// is checked with <see cref="FormRules.CheckVersion"/>. Never throws: every problem comes
    /// back as a Chinese message.
    /// </summary>
    public static FormJsonResult Import(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Fail("文件是空的。");
        }
        if (Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return Fail(TooLarge());
        }
        JsonDocument document;
        try
        {
            // Editors on Windows like to start UTF-8 files with a byte order mark, which JSON does not allow.
            document = JsonDocument.Parse(json.TrimStart('\uFEFF'), DocumentOptions);
        }
        catch (JsonException e)
        {
            return Fail($"文件不是有效的 JSON：第{(e.LineNumber ?? 0) + 1}行附近有错误。");
        }
        catch (ArgumentException)
        {
            // Thrown for text that cannot be turned into UTF-8 at all, such as a lone surrogate.
            return Fail("文件含有无效的字符，不是有效的 JSON。");
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static FormJsonResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format)
            || format.ValueKind != JsonValueKind.String
            || !format.ValueEquals(Format))
        {
            return Fail(NotOurFile);
        }
        if (!root.TryGetProperty("formatVersion", out var formatVersion)
            || formatVersion.ValueKind != JsonValueKind.Number
            || !formatVersion.TryGetInt32(out var number))
        {
            return Fail("文件缺少有效的格式版本（formatVersion），无法导入。");
        }
        if (number != CurrentFormatVersion)
        {
            return Fail($"文件的格式版本为{number}，本系统只能导入第{CurrentFormatVersion}版的测评表文件。");
        }

        var r = new Reader();
        var version = new FormVersion
        {
            Number = 1,
            Title = r.String(root, "title", "测评表名称", "")?.Trim() ?? "",
            Description = Blank(r.String(root, "description", "指导语", "")),
        };
        if (r.Array(root, "sections", "分组列表", "") is { } sections)
        {
            var sectionCount = sections.GetArrayLength();
            if (sectionCount > FormVersion.MaxSections)
            {
                r.Errors.Add($"测评表最多{FormVersion.MaxSections}个分组，文件中有{sectionCount}个。");
                return r.Failed();
            }
            var itemCount = sections.EnumerateArray().Sum(s =>
                s.ValueKind == JsonValueKind.Object && s.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                    ? items.GetArrayLength()
                    : 0);
            if (itemCount > FormVersion.MaxItems)
            {
                r.Errors.Add($"测评表最多{FormVersion.MaxItems}个评议项目，文件中有{itemCount}个。");
                return r.Failed();
            }
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var sectionNo = 0;
            foreach (var element in sections.EnumerateArray())
            {
                sectionNo++;
                if (ReadSection(r, element, sectionNo, keys) is { } section)
                {
                    version.Sections.Add(section);
                }
            }
        }
        if (r.Errors.Count > 0)
        {
            return r.Failed();
        }
        var errors = FormRules.CheckVersion(version);
        return errors.Count == 0 ? new FormJsonResult(version, []) : new FormJsonResult(null, errors);
    }

    private static FormSection? ReadSection(Reader r, JsonElement element, int sectionNo, HashSet<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            r.Errors.Add($"第{sectionNo}组应为一个对象（{{…}}）。");
            return null;
        }
        var where = $"第{sectionNo}组：";
        var section = new FormSection
        {
            Position = sectionNo,
            Title = Blank(r.String(element, "title", "分组标题", where)),
        };
        if (r.Array(element, "items", "评议项目列表", where) is { } items)
        {
            var itemNo = 0;
            foreach (var itemElement in items.EnumerateArray())
            {
                itemNo++;
                if (ReadItem(r, itemElement, sectionNo, itemNo, keys) is { } item)
                {
                    section.Items.Add(item);
                }
            }
        }
        return section;
    }

    private static FormItem? ReadItem(Reader r, JsonElement element, int sectionNo, int itemNo, HashSet<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            r.Errors.Add($"第{sectionNo}组第{itemNo}题应为一个对象（{{…}}）。");
            return null;
        }
        var where = $"第{sectionNo}组第{itemNo}题：";
        if (!element.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind == JsonValueKind.Null)
        {
            r.Errors.Add($"{where}缺少题型（kind）。");
            return null;
        }
        if (!KindsByName.TryGetValue(Shown(kindElement), out var kind))
        {
            r.Errors.Add($"{where}题型“{Shorten(Shown(kindElement))}”无法识别。");
            return null;
        }
        var item = new FormItem
        {
            Position = itemNo,
            Kind = kind,
            Text = r.String(element, "text", "项目内容", where) ?? "",
            Help = r.String(element, "help", "填写说明", where),
            Required = r.Bool(element, "required", "是否必答", where) ?? true,
        };
        var key = r.String(element, "key", "项目标识", where)?.Trim();
        // A key from someone else's file may be malformed or repeated; a fresh one is harmless,
        // because keys only have to match across versions of the same form.
        item.Key = key is not null && IsKey(key) && !keys.Contains(key) ? key : "";
        switch (kind)
        {
            case ItemKind.Grade:
                item.Scale = ReadScale(r, element, where);
                break;
            case ItemKind.Score:
                item.MaxScore = r.Int(element, "maxScore", "满分", where) ?? 0;
                item.Weight = r.Int(element, "weight", "权重", where) ?? 0;
                break;
            case ItemKind.Text:
                item.MaxLength = r.Int(element, "maxLength", "字数上限", where) ?? 0;
                break;
            case ItemKind.SingleChoice:
                item.Options = ReadOptions(r, element, where);
                break;
            case ItemKind.MultipleChoice:
                item.MaxChoices = r.Int(element, "maxChoices", "最多可选个数", where) ?? 0;
                item.Options = ReadOptions(r, element, where);
                break;
        }
        FormRules.ApplyDefaults(item);
        while (!keys.Add(item.Key))
        {
            item.Key = FormRules.NewKey();
        }
        return item;
    }

    private static GradeScale ReadScale(Reader r, JsonElement item, string where)
    {
        if (!item.TryGetProperty("scale", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return GradeScale.None;
        }
        if (ScalesByName.TryGetValue(Shown(element), out var scale))
        {
            return scale;
        }
        r.Errors.Add($"{where}评价等级“{Shorten(Shown(element))}”无法识别。");
        return GradeScale.None;
    }

    private static List<string> ReadOptions(Reader r, JsonElement item, string where)
    {
        var options = new List<string>();
        if (r.Array(item, "options", "选项", where) is not { } array)
        {
            return options;
        }
        var count = array.GetArrayLength();
        if (count > FormItem.MaxOptions)
        {
            r.Errors.Add($"{where}选择题最多{FormItem.MaxOptions}个选项，文件中有{count}个。");
            return options;
        }
        var optionNo = 0;
        foreach (var element in array.EnumerateArray())
        {
            optionNo++;
            if (r.Text(element, $"第{optionNo}个选项", where) is { } option)
            {
                options.Add(option);
            }
        }
        return options;
    }

    private static bool IsKey(string key) =>
        key.Length is > 0 and <= FormItem.KeyLength && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The value as a person would read it in the file: a string's text, anything else as written.</summary>
    private static string Shown(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? TextOf(element) ?? "" : element.GetRawText();

    private static string Shorten(string value) =>
        value.Length <= ShownValueLength ? value : value[..ShownValueLength] + "…";

    private static string? TextOf(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but cannot be turned into text.
            return null;
        }
    }

    private static string TooLarge() => $"文件太大：测评表文件不能超过{MaxBytes / 1024} KB。";

    private static FormJsonResult Fail(string error) => new(null, [error]);

    /// <summary>Reads typed values from the file, noting a Chinese message for each one of the wrong type.</summary>
    private sealed class Reader
    {
        public List<string> Errors { get; } = [];

        public FormJsonResult Failed() => new(null, Errors);

        public string? String(JsonElement obj, string name, string label, string where) =>
            Property(obj, name) is { } v ? Text(v, $"{label}（{name}）", where) : null;

        public string? Text(JsonElement element, string label, string where)
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                Errors.Add($"{where}{label}应为文字。");
                return null;
            }
            if (TextOf(element) is { } text)
            {
                return text;
            }
            Errors.Add($"{where}{label}含有无效的字符。");
            return null;
        }

        public int? Int(JsonElement obj, string name, string label, string where)
        {
            if (Property(obj, name) is not { } v)
            {
                return null;
            }
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
            {
                return n;
            }
            Errors.Add($"{where}{label}（{name}）应为整数。");
            return null;
        }

        public bool? Bool(JsonElement obj, string name, string label, string where)
        {
            if (Property(obj, name) is not { } v)
            {
                return null;
            }
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }
            Errors.Add($"{where}{label}（{name}）应为 true 或 false。");
            return null;
        }

        public JsonElement? Array(JsonElement obj, string name, string label, string where)
        {
            if (Property(obj, name) is not { } v)
            {
                return null;
            }
            if (v.ValueKind == JsonValueKind.Array)
            {
                return v;
            }
            Errors.Add($"{where}{label}（{name}）应为列表（[…]）。");
            return null;
        }

        /// <summary>A property that is absent and one that is null both mean "not given".</summary>
        private static JsonElement? Property(JsonElement obj, string name) =>
            obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
    }
}
