using System.Globalization;
using System.Text.Json;

namespace GridBot.Dialogs.Calendar;

/// <summary>
/// Reads holiday-cn files (<c>{year, papers[], days[{name, date, isOffDay}]}</c>): the years
/// embedded in this assembly, then an optional folder whose files replace them year by year.
/// </summary>
public static class HolidayDataLoader
{
    private const string ResourcePrefix = "GridBot.Dialogs.Calendar.HolidayData.";

    // Files in the folder are edited by hand on servers: tolerate comments and trailing commas
    // rather than refuse a schedule over a stray comma.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Embedded years, then the folder's (the folder wins for a year in both). Sorted by year.</summary>
    public static IReadOnlyList<HolidayYear> Load(string? holidayDataFolder)
    {
        var byYear = LoadEmbedded().ToDictionary(year => year.Year);
        if (!string.IsNullOrWhiteSpace(holidayDataFolder))
        {
            foreach (var year in LoadFolder(holidayDataFolder))
            {
                byYear[year.Year] = year;
            }
        }

        return [.. byYear.Values.OrderBy(year => year.Year)];
    }

    /// <summary>The years shipped inside GridBot.Dialogs (2023–2026 at the time of writing).</summary>
    public static IReadOnlyList<HolidayYear> LoadEmbedded()
    {
        var assembly = typeof(HolidayDataLoader).Assembly;
        var years = new List<HolidayYear>();
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var source = "embedded:" + resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new HolidayDataException(source, "the embedded resource cannot be opened.");
            years.Add(Parse(ReadAll(stream), source));
        }

        return years;
    }

    /// <summary>Every <c>*.json</c> file directly in <paramref name="folder"/>, sorted by year.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="HolidayDataException">A file is malformed, or two files claim one year.</exception>
    public static IReadOnlyList<HolidayYear> LoadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var fullPath = Path.GetFullPath(folder);
        if (!Directory.Exists(fullPath))
        {
            throw new DirectoryNotFoundException($"Holiday data folder '{fullPath}' does not exist.");
        }

        var byYear = new Dictionary<int, HolidayYear>();
        foreach (var file in Directory.EnumerateFiles(fullPath, "*.json").Order(StringComparer.Ordinal))
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (IOException exception)
            {
                throw new HolidayDataException(file, "the file cannot be read: " + exception.Message, exception);
            }
            catch (UnauthorizedAccessException exception)
            {
                throw new HolidayDataException(file, "the file cannot be read: " + exception.Message, exception);
            }

            var year = Parse(bytes, file);

            // "2027.json" holding year 2026 is almost always a copy-paste slip that would silently
            // replace the wrong year, so it is refused rather than trusted.
            var stem = Path.GetFileNameWithoutExtension(file);
            if (int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var named) && named != year.Year)
            {
                throw new HolidayDataException(file, $"the file name says {named} but \"year\" is {year.Year}.");
            }

            if (byYear.TryGetValue(year.Year, out var earlier))
            {
                throw new HolidayDataException(file, $"year {year.Year} is also given by '{earlier.Source}'; keep one file per year.");
            }

            byYear.Add(year.Year, year);
        }

        return [.. byYear.Values.OrderBy(year => year.Year)];
    }

    /// <summary>Parses one holiday-cn document; <paramref name="source"/> names it in any error.</summary>
    /// <exception cref="HolidayDataException">The document is not a usable schedule.</exception>
    public static HolidayYear Parse(ReadOnlyMemory<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var document = JsonDocument.Parse(SkipBom(utf8Json), DocumentOptions);
            return Read(document.RootElement, source);
        }
        catch (JsonException exception)
        {
            throw new HolidayDataException(source, "not valid JSON: " + exception.Message, exception);
        }
    }

    private static HolidayYear Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new HolidayDataException(source, "the top level must be an object with \"year\" and \"days\".");
        }

        if (!root.TryGetProperty("year", out var yearElement)
            || yearElement.ValueKind != JsonValueKind.Number
            || !yearElement.TryGetInt32(out var year)
            || year is < 1900 or > 9998)
        {
            throw new HolidayDataException(source, "\"year\" must be a whole number such as 2027.");
        }

        if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Array)
        {
            throw new HolidayDataException(source, "\"days\" must be an array.");
        }

        var days = new List<HolidayDay>(daysElement.GetArrayLength());
        var seen = new HashSet<DateOnly>();
        var index = 0;
        foreach (var element in daysElement.EnumerateArray())
        {
            var day = ReadDay(element, $"days[{index}]", source);

            // A block may start in late December of the year before or end in early January of the
            // year after; anything further away is a typo in the year.
            if (Math.Abs(day.Date.Year - year) > 1)
            {
                throw new HolidayDataException(source, $"days[{index}].date {Iso(day.Date)} is too far from year {year}.");
            }

            if (!seen.Add(day.Date))
            {
                throw new HolidayDataException(source, $"days[{index}].date {Iso(day.Date)} is listed twice.");
            }

            days.Add(day);
            index++;
        }

        return new HolidayYear(year, days, source);
    }

    private static HolidayDay ReadDay(JsonElement element, string path, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new HolidayDataException(source, $"{path} must be an object with \"name\", \"date\" and \"isOffDay\".");
        }

        if (!element.TryGetProperty("date", out var dateElement)
            || dateElement.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var shown = element.TryGetProperty("date", out var raw) ? raw.GetRawText() : "missing";
            throw new HolidayDataException(source, $"{path}.date must be a \"yyyy-MM-dd\" string (found {shown}).");
        }

        if (!element.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw new HolidayDataException(source, $"{path}.name must be a string.");
        }

        if (!element.TryGetProperty("isOffDay", out var offElement)
            || offElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new HolidayDataException(source, $"{path}.isOffDay must be true or false.");
        }

        return new HolidayDay(date, nameElement.GetString() ?? string.Empty, offElement.GetBoolean());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ReadOnlyMemory<byte> SkipBom(ReadOnlyMemory<byte> utf8Json)
    {
        // Editors on Windows save with a UTF-8 BOM, which the JSON reader refuses as a token.
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        return utf8Json.Span.StartsWith(bom) ? utf8Json[bom.Length..] : utf8Json;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
