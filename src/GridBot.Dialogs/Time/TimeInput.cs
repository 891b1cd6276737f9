using System.Globalization;
using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Time;

/// <summary>
/// The one way a typed time is read, by every command line option and API field that takes one: ISO 8601 with an
/// offset or Z is taken as given; without an offset it is Beijing time; a bare date is that day's 00:00 in Beijing.
/// Anything else is refused (the caller names the field with <see cref="Refusal"/>).
/// </summary>
public static partial class TimeInput
{
    /// <summary>How people are told to write a time, in every refusal.</summary>
    public const string AcceptedForms = "2026-11-24T09:00:00+08:00、2026-11-24T01:00:00Z、2026-11-24 09:00（北京时间）或 2026-11-24（当天 0 点）";

    private static readonly string[] LocalForms =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    /// <summary>Asia/Shanghai, the zone of every time a person writes or reads.</summary>
    public static TimeZoneInfo Beijing { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The UTC instant <paramref name="text"/> names, or false when it is not one of <see cref="AcceptedForms"/>.</summary>
    public static bool TryParseUtc(string? text, TimeZoneInfo zone, out DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        utc = default;
        var trimmed = text?.Trim() ?? "";
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            utc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
            return true;
        }

        var offset = OffsetSuffix().Match(trimmed);
        var local = offset.Success ? trimmed[..offset.Index] : trimmed;
        if (!DateTime.TryParseExact(local, LocalForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return false;
        }

        if (!offset.Success)
        {
            // A wall-clock time that does not exist in the zone cannot happen in Asia/Shanghai (no daylight saving).
            utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), zone);
            return true;
        }

        var span = offset.Value is "Z" or "z"
            ? TimeSpan.Zero
            : new TimeSpan(int.Parse(offset.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(offset.Groups["m"].Value, CultureInfo.InvariantCulture), 0);
        if (span > TimeSpan.FromHours(14))
        {
            return false;
        }

        utc = new DateTimeOffset(wall, offset.Groups["sign"].Value == "-" ? -span : span).UtcDateTime;
        return true;
    }

    /// <summary>"--from 的时间“明天”无法识别：请写成 …" for a 400 answer or a usage error.</summary>
    public static string Refusal(string field, string? text) => $"{field} 的时间“{text}”无法识别，请写成 {AcceptedForms}。";

    [GeneratedRegex(@"(Z|z|(?<sign>[+-])(?<h>\d{2}):?(?<m>\d{2}))$")]
    private static partial Regex OffsetSuffix();
}
