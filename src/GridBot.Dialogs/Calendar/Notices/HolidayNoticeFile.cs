using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GridBot.Dialogs.Calendar.Notices;

/// <summary>Writes a <see cref="HolidayNotice"/> as a holiday-cn year file, the format <see cref="HolidayDataLoader"/> reads.</summary>
public static class HolidayNoticeFile
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Holiday names stay readable Chinese in the file a person checks.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <param name="notice">The parsed notice.</param>
    /// <param name="paper">Where the notice was published (a gov.cn address), if known.</param>
    public static string ToJson(HolidayNotice notice, string? paper)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json");
            writer.WriteString("$id", $"https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/{notice.Year}.json");
            writer.WriteNumber("year", notice.Year);
            writer.WriteStartArray("papers");
            if (!string.IsNullOrWhiteSpace(paper))
            {
                writer.WriteStringValue(paper);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("days");
            foreach (var day in notice.Days)
            {
                writer.WriteStartObject();
                writer.WriteString("name", day.Name);
                writer.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteBoolean("isOffDay", day.IsOffDay);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
