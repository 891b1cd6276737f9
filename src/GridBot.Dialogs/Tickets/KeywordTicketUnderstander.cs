using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Rules from the taxonomy file: category keywords (longer hits weigh more), problem words raise confidence,
/// urgency keywords make it urgent, short courtesies, bare emoji and stickers ([表情]) are never reports.
/// </summary>
public sealed partial class KeywordTicketUnderstander(TaxonomyProvider taxonomyProvider) : ITicketUnderstander
{
    public TicketUnderstanding Understand(string text, string gridCode)
    {
        var taxonomy = taxonomyProvider.Current;
        var signals = Analyze(text);
        if (signals.Courtesy)
        {
            return new TicketUnderstanding(false, taxonomy.FallbackCategory, 0, 0, TicketUrgency.Normal, null);
        }

        var category = signals.KeywordCategory?.Name ?? (signals.Urgent ? UrgentFallback(taxonomy) : taxonomy.FallbackCategory);
        var understanding = new TicketUnderstanding(
            signals.Confidence >= 0.3,
            category,
            signals.Confidence,
            signals.KeywordCategory is null ? 0 : signals.Confidence,
            signals.Urgent ? TicketUrgency.Urgent : TicketUrgency.Normal,
            PlaceExtractor.Extract(text));
        return AppealRules.Shape(understanding, signals.AppealType, taxonomy);
    }

    /// <summary>The rules' reading of a message; the model-based understander combines it with its prediction.</summary>
    public RuleSignals Analyze(string text)
    {
        var taxonomy = taxonomyProvider.Current;
        var normalized = taxonomy.Respell(Normalize(text));
        // "[表情]" / "[捂脸]" is how WeCom and WeChat show a sticker in text: a sticker and nothing else is no report.
        var core = StripDecoration(Sticker().Replace(normalized, ""));
        if (core.Length == 0 || taxonomy.NotReportPhrases.Contains(core, StringComparer.OrdinalIgnoreCase))
        {
            return new RuleSignals(true, null, false, false, false, 0);
        }

        // Sales talk in a group ("漏水、墙面开裂…找我们专业团队，上门免费检测！") is full of problem words and is nobody's
        // report: two words of it, not one, since a resident may well say "物业说可以免费上门".
        if (taxonomy.Advertising.Count(normalized.Contains) >= 2)
        {
            return new RuleSignals(true, null, false, false, false, 0);
        }

        var compact = Compact(normalized);
        var urgent = taxonomy.Urgency.Keywords.Any(k => Happening(compact, k));
        TaxonomyCategory? best = null;
        var bestScore = 0;
        foreach (var category in taxonomy.Categories)
        {
            var score = category.Keywords.Where(normalized.Contains).Sum(k => k.Length);
            if (score > bestScore)
            {
                (best, bestScore) = (category, score);
            }
        }

        var problem = taxonomy.ProblemWords.Any(normalized.Contains);
        var question = taxonomy.QuestionMarkers.Any(normalized.Contains);
        double confidence = (best is not null, problem) switch
        {
            (true, true) => 0.9,
            (true, false) => question ? 0.45 : 0.6,
            (false, true) => 0.4,
            _ => core.Length >= 12 && !question ? 0.35 : 0.1,
        };

        var appeal = AppealRules.Classify(normalized, taxonomy, urgent, best?.Name);
        return new RuleSignals(false, best, problem, question, urgent, urgent ? Math.Max(confidence, 0.95) : confidence, appeal);
    }

    /// <summary>
    /// The kinds of danger the message tells of now (火情, 被困…), generic cries for help ("救命") aside: two reports of
    /// different kinds are two emergencies; a message naming no kind may be either.
    /// </summary>
    public IReadOnlySet<string> Dangers(string text)
    {
        var normalized = Compact(Respell(Normalize(text)));
        return taxonomyProvider.Current.Urgency.Kinds
            .Where(kind => !kind.Generic && kind.Keywords.Any(k => Happening(normalized, k)))
            .Select(kind => kind.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The kinds of danger a ticket's reporters told of: a neighbour who joined may name what the first did not.</summary>
    public IReadOnlySet<string> Dangers(Ticket ticket) =>
        ticket.Reporters.Select(r => r.Report ?? "").Append(ticket.Description).SelectMany(Dangers).ToHashSet(StringComparer.Ordinal);

    /// <summary>The text with the taxonomy's misspellings put right (<see cref="Taxonomy.Respell"/>).</summary>
    public string Respell(string text) => taxonomyProvider.Current.Respell(text);

    /// <summary>An emergency with no category keyword is a safety hazard when the taxonomy has one.</summary>
    public static string UrgentFallback(Taxonomy taxonomy) =>
        taxonomy.Find("安全隐患")?.Name ?? taxonomy.FallbackCategory;

    /// <summary>
    /// The danger word said of now: "我也被困过一次" tells of a past scare (过, the aspect of something once lived
    /// through) and backs a neighbour's report; it is no emergency to alert the leader about.
    /// </summary>
    private static bool Happening(string text, string keyword)
    {
        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
        {
            var after = at + keyword.Length;
            if (after >= text.Length || text[after] != '过')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Full-width letters and digits to half-width and lower case, so keywords match however typed.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Trim();

    /// <summary>
    /// Danger words are matched with the spaces gone: voice input and elders' typing break a phrase anywhere
    /// ("腿摔了 起不来了" is "摔了起不来"), and a space never makes a danger less real.
    /// </summary>
    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The message without punctuation, symbols, emoji and spaces: "好的！👍" is just "好的".</summary>
    private static string StripDecoration(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                || Rune.IsPunctuation(rune) || Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\[[^\[\]\s]{1,8}\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Sticker();
}
