using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pingyi.Web.Features.Results.Charts;

/// <summary>
/// Writes SVG markup in which every text and attribute value is escaped, so subject and group
/// names typed by administrators can never become markup. Charts only ever go through this
/// class; none of them concatenates markup itself. Numbers are written culture-invariant.
/// </summary>
public sealed partial class SvgBuilder
{
    private readonly StringBuilder _markup = new();
    private readonly Stack<string> _open = new();

    /// <summary>Opens an element; close it with <see cref="Close"/>.</summary>
    public SvgBuilder Open(string name, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(name, attributes);
        _markup.Append('>');
        _open.Push(name);
        return this;
    }

    public SvgBuilder Close()
    {
        _markup.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An empty element such as a rect or line.</summary>
    public SvgBuilder Element(string name, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(name, attributes);
        _markup.Append("/>");
        return this;
    }

    /// <summary>An element holding only text, such as text or title.</summary>
    public SvgBuilder Text(string name, string text, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(name, attributes);
        _markup.Append('>');
        AppendEscaped(text);
        _markup.Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>The markup written so far; every opened element must have been closed.</summary>
    public string Build()
    {
        if (_open.Count > 0)
        {
            throw new InvalidOperationException($"Element <{_open.Peek()}> was not closed.");
        }
        return _markup.ToString();
    }

    /// <summary>A number as SVG writes it: invariant, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private void StartTag(string name, ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        RequireName(name);
        _markup.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }
            RequireName(attribute);
            _markup.Append(' ').Append(attribute).Append("=\"");
            AppendEscaped(Format(value));
            _markup.Append('"');
        }
    }

    private static string Format(object value) => value switch
    {
        double d => Number(d),
        float f => Number(f),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => throw new ArgumentException($"Unsupported attribute value type {value.GetType().Name}.", nameof(value)),
    };

    // Names come from code, but checking them keeps a mistaken caller from writing markup.
    private static void RequireName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Not an SVG name: {name}", nameof(name));
        }
    }

    // Escapes markup characters and drops what XML cannot carry at all (control characters,
    // lone surrogates), so the output always parses.
    private void AppendEscaped(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': _markup.Append("&amp;"); break;
                case '<': _markup.Append("&lt;"); break;
                case '>': _markup.Append("&gt;"); break;
                case '"': _markup.Append("&quot;"); break;
                case '\'': _markup.Append("&#39;"); break;
                case '\t' or '\n' or '\r': _markup.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        _markup.Append(c).Append(text[++i]);
                    }
                    else if (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'))
                    {
                        _markup.Append(c);
                    }
                    break;
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9:-]*$")]
    private static partial Regex NamePattern();
}
