namespace GridBot.Dialogs.Tickets;

/// <summary>
/// The kinds of danger of a taxonomy file that still has one flat <c>urgency.keywords</c> list (before session 19).
/// Each old word goes to the kind its word names (着火 → 火情, 煤气泄漏 → 燃气, 被困 → 被困…); a word that names none
/// ("救命", "快来人") goes to the generic 呼救, which says it is urgent but tells no two emergencies apart, as before.
/// </summary>
public static class TaxonomyUrgencyKinds
{
    public const string Generic = "呼救";

    // The first kind whose sign is in the word takes it; 燃气 before 火情 so "煤气泄漏" is no fire, 触电 after 燃气 so
    // "漏气" is no shock.
    private static readonly (string Kind, string[] Signs)[] Signs =
    [
        ("燃气", ["煤气", "燃气", "漏气", "液化气", "天然气"]),
        ("火情", ["火", "烟", "烧"]),
        ("触电", ["电"]),
        ("被困", ["困", "关在", "出不来"]),
        ("水淹", ["淹", "进水", "内涝", "泡水"]),
        ("伤病", ["伤", "血", "晕", "昏", "摔", "骨折"]),
        ("暴力", ["打人", "动手", "刀", "砍", "殴"]),
    ];

    public static IReadOnlyList<TaxonomyUrgencyKind> FromFlat(IEnumerable<string> keywords) =>
        keywords.Where(k => !string.IsNullOrWhiteSpace(k))
            .GroupBy(k => Signs.FirstOrDefault(s => s.Signs.Any(k.Contains)).Kind ?? Generic)
            .Select(g => new TaxonomyUrgencyKind(g.Key, g.Distinct().ToList(), g.Key == Generic))
            .ToList();
}
