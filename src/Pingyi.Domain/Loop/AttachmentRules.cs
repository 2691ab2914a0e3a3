namespace Pingyi.Domain.Loop;

/// <summary>
/// What an uploaded evidence file may be: a PNG, JPEG or PDF, recognised by its first bytes (never
/// by the type the browser claimed), whose name ends in an extension of that same type, with a
/// plain file name (no folders, control characters or markup), at most <see cref="MeasureAttachment.MaxBytes"/>.
/// </summary>
public static class AttachmentRules
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Pdf = "application/pdf";

    public const string Allowed = "只能上传图片（PNG、JPEG）或PDF文件。";

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".pdf"] = Pdf,
    };

    // Characters Windows refuses in names, and markup: such a name was crafted, not chosen.
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>The type the content shows, or null when it is none of the allowed ones.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        return head.StartsWith("%PDF-"u8) ? Pdf : null;
    }

    /// <summary>
    /// The content type and the cleaned name of an upload, or the Chinese reason it is refused.
    /// <paramref name="head"/> is the start of the content (a few bytes are enough).
    /// </summary>
    public static (string? ContentType, string? FileName, string? Error) Check(string? fileName, long length, ReadOnlySpan<byte> head)
    {
        if (length <= 0)
        {
            return (null, null, "附件是空文件。");
        }
        if (length > MeasureAttachment.MaxBytes)
        {
            return (null, null, $"附件太大（{length / 1024.0 / 1024.0:0.0} MB），最大 {MeasureAttachment.MaxBytes / 1024 / 1024} MB。");
        }
        if (CleanName(fileName) is not { } name)
        {
            return (null, null, "附件的文件名不能含有路径、控制字符或 \\ / : * ? \" < > | 等符号，请改名后重试。");
        }
        var type = Detect(head);
        if (type is null)
        {
            return (null, null, $"附件的内容不是图片或PDF。{Allowed}");
        }
        if (!Extensions.TryGetValue(Path.GetExtension(name), out var claimed) || claimed != type)
        {
            return (null, null, $"附件的扩展名与内容不符（内容是{Describe(type)}）。{Allowed}");
        }
        return (type, name, null);
    }

    /// <summary>
    /// The name as stored and offered for download: trimmed and shortened to
    /// <see cref="MeasureAttachment.FileNameMaxLength"/> keeping the extension; null when it holds a
    /// path, "..", a control or format character or a forbidden symbol, or nothing but an extension.
    /// </summary>
    public static string? CleanName(string? fileName)
    {
        var name = fileName?.Trim().Normalize() ?? "";
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || name.IndexOfAny(Forbidden) >= 0
            || name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator))
        {
            return null;
        }
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length].TrimEnd();
        if (stem.Length == 0 || extension.Length > 10)
        {
            return null;
        }
        var room = MeasureAttachment.FileNameMaxLength - extension.Length;
        if (stem.Length > room)
        {
            // Never cut a surrogate pair in half.
            stem = char.IsHighSurrogate(stem[room - 1]) ? stem[..(room - 1)] : stem[..room];
        }
        return stem + extension;
    }

    public static string Describe(string contentType) => contentType switch
    {
        Png => "PNG图片",
        Jpeg => "JPEG图片",
        Pdf => "PDF文件",
        _ => contentType,
    };
}
