using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridBot.Dialogs.Tickets;

/// <summary>Categories, urgency rules and deadlines as data: a deployment edits the file, not the code.</summary>
public sealed record Taxonomy(
    IReadOnlyList<TaxonomyCategory> Categories,
    string FallbackCategory,
    TaxonomyUrgency Urgency,
    TaxonomyEscalation Escalation,
    IReadOnlyList<string> ProblemWords,
    IReadOnlyList<string> NotReportPhrases,
    IReadOnlyList<string> QuestionMarkers,
    IReadOnlyList<string>? AdvertisingWords = null,
    IReadOnlyDictionary<string, string>? Misspellings = null)
{
    /// <summary>
    /// The text with the input method's slips for the taxonomy's words put right ("5栋电题又坏了" → "5栋电梯又坏了"):
    /// pinyin input offers the homophone first as often as the word, and the resident does not look back.
    /// </summary>
    public string Respell(string text)
    {
        if (Misspellings is not { Count: > 0 })
        {
            return text;
        }

        foreach (var (wrong, right) in Misspellings)
        {
            text = text.Replace(wrong, right, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Words of sales talk ("详询", "微信同号", "上门免费"); files from before session 20 have none.</summary>
    public IReadOnlyList<string> Advertising => AdvertisingWords ?? [];

    public TaxonomyCategory? Find(string name) => Categories.FirstOrDefault(c => c.Name == name);

    /// <summary>Reads and checks a taxonomy file; every problem names the file and the field.</summary>
    public static Taxonomy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Tickets:TaxonomyPath: file '{path}' does not exist.");
        }

        Taxonomy? taxonomy;
        try
        {
            using var stream = File.OpenRead(path);
            taxonomy = JsonSerializer.Deserialize(stream, TaxonomyJson.Default.Taxonomy);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Tickets:TaxonomyPath: '{path}' is not valid taxonomy JSON: {ex.Message}", ex);
        }

        if (taxonomy?.Urgency is { Kinds: not { Count: > 0 }, FlatKeywords: { Count: > 0 } flat } urgency)
        {
            taxonomy = taxonomy with { Urgency = urgency with { Kinds = TaxonomyUrgencyKinds.FromFlat(flat), FlatKeywords = null } };
        }

        var problems = Validate(taxonomy);
        return problems.Count == 0
            ? taxonomy!
            : throw new InvalidOperationException($"Tickets:TaxonomyPath: '{path}': {string.Join("; ", problems)}");
    }

    private static List<string> Validate(Taxonomy? taxonomy)
    {
        var problems = new List<string>();
        if (taxonomy?.Categories is not { Count: > 0 })
        {
            problems.Add("needs at least one category");
            return problems;
        }

        foreach (var category in taxonomy.Categories)
        {
            if (string.IsNullOrWhiteSpace(category.Name) || category.Name.Length > 32)
            {
                problems.Add("every category needs a name of 1-32 characters");
            }

            if (category.DeadlineHours <= 0)
            {
                problems.Add($"category '{category.Name}' needs deadlineHours > 0");
            }
        }

        if (taxonomy.Categories.Select(c => c.Name).Distinct().Count() != taxonomy.Categories.Count)
        {
            problems.Add("category names must be unique");
        }

        if (taxonomy.Find(taxonomy.FallbackCategory ?? "") is null)
        {
            problems.Add($"fallbackCategory '{taxonomy.FallbackCategory}' is not one of the categories");
        }

        if (taxonomy.Urgency is null || taxonomy.Urgency.DeadlineHours <= 0)
        {
            problems.Add("urgency.deadlineHours must be > 0");
        }

        if (taxonomy.Urgency?.Kinds is not { Count: > 0 } kinds
            || kinds.Any(k => string.IsNullOrWhiteSpace(k.Name) || k.Keywords is not { Count: > 0 } || k.Keywords.Any(string.IsNullOrWhiteSpace)))
        {
            problems.Add("urgency.kinds needs at least one kind, each with a name and its keywords");
        }
        else if (kinds.Select(k => k.Name).Distinct().Count() != kinds.Count)
        {
            problems.Add("urgency kind names must be unique");
        }

        if (taxonomy.Escalation is null || taxonomy.Escalation.CommunityDeadlineHours <= 0 || taxonomy.Escalation.StreetDeadlineHours <= 0)
        {
            problems.Add("escalation.communityDeadlineHours and streetDeadlineHours must be > 0");
        }

        return problems;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Taxonomy))]
internal sealed partial class TaxonomyJson : JsonSerializerContext;
