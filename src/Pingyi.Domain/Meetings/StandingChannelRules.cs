using System.Globalization;
using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Meetings;

/// <summary>The rules of a standing QR channel's own fields.</summary>
public static class StandingChannelRules
{
    public const string LimitRule = "每台设备每天可评价次数应为1到20之间的整数。";

    /// <summary>
    /// Reasons the place name and the daily limit (as typed, so that "abc" gets the same rule as 0)
    /// are unacceptable, or null with the parsed limit.
    /// </summary>
    public static string? Check(string? name, string? dailyLimit, out int limit)
    {
        var errors = new List<string>();
        if (TextRules.CheckName(name, "地点名称", StandingChannel.NameMaxLength) is { } nameError)
        {
            errors.Add(nameError);
        }
        if (!int.TryParse(dailyLimit?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out limit)
            || limit is < 1 or > StandingChannel.MaxDailyLimit)
        {
            limit = 0;
            errors.Add(LimitRule);
        }
        return errors.Count > 0 ? string.Join(" ", errors) : null;
    }
}
