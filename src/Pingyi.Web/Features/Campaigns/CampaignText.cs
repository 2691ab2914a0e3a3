using System.Globalization;

namespace Pingyi.Web.Features.Campaigns;

/// <summary>Reads dates and enum names typed into a page or sent to the API, with a Chinese reason when they are malformed.</summary>
public static class CampaignText
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// A blank text gives the default date and no error, so the domain's own "请填写…" message
    /// applies; a malformed one gives a reason naming the field.
    /// </summary>
    public static string? ParseDate(string? text, string field, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null
            : $"{field}的格式不正确，应为“年-月-日”，如2025-03-01。";
    }

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>An enum value by its English name (any case); numbers and unknown names are refused.</summary>
    public static bool TryParseName<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out value);
    }

    public static string Names<T>() where T : struct, Enum => string.Join("、", Enum.GetNames<T>());
}
