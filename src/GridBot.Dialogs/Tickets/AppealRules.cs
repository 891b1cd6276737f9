using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Decides the appeal type (投诉/求助/咨询/建议/表扬) inside the understanding seam, so every route reads one answer.
/// A real problem word always makes it work with a deadline: "建议赶紧修一下坏掉的路灯" is a complaint, and an
/// emergency is never a question. Only then praise, suggestion, help and a question about a service are told apart.
/// </summary>
internal static class AppealRules
{
    /// <summary>Below this a request for help would go unanswered in a group; help for a person is always worth asking about.</summary>
    private const double HelpConfidence = 0.6;

    /// <param name="keywordCategory">The category whose keywords the message has, if any.</param>
    public static AppealType Classify(string normalized, Taxonomy taxonomy, bool urgent, string? keywordCategory)
    {
        var help = AppealWords.Help.Any(normalized.Contains);
        if (urgent)
        {
            return help ? AppealType.Help : AppealType.Complaint;
        }

        var hardProblem = taxonomy.ProblemWords.Except(AppealWords.SoftProblemWords).Any(normalized.Contains);
        if (hardProblem)
        {
            return help ? AppealType.Help : AppealType.Complaint;
        }

        if (AppealWords.Praise.Any(normalized.Contains)
            || (AppealWords.Thanks.Any(normalized.Contains) && AppealWords.Workers.Any(normalized.Contains)))
        {
            return AppealType.Praise;
        }

        if (AppealWords.Suggestion.Any(normalized.Contains))
        {
            return AppealType.Suggestion;
        }

        if (help)
        {
            return AppealType.Help;
        }

        // The fallback category's keywords (能不能, 希望, 意见 …) are ways of asking, not a topic: "今天能不能出去玩？" is no question for a worker.
        var question = AppealWords.Interrogatives.Any(normalized.Contains) || taxonomy.QuestionMarkers.Any(normalized.Contains);
        var topic = (keywordCategory is not null && keywordCategory != taxonomy.FallbackCategory) || AppealWords.ServiceTopics.Any(normalized.Contains);
        return question && topic && !AppealWords.OwnReport.Any(normalized.Contains)
            ? AppealType.Consultation
            : AppealType.Complaint;
    }

    /// <summary>
    /// Fits an understanding to its appeal type: a question, suggestion or praise is no report to file (the route
    /// answers or logs it), and a request for help is a report even when no category keyword was seen.
    /// </summary>
    public static TicketUnderstanding Shape(TicketUnderstanding understanding, AppealType type, Taxonomy taxonomy) => type switch
    {
        AppealType.Complaint => understanding,
        AppealType.Help when understanding.Confidence >= HelpConfidence => understanding with { AppealType = type },
        AppealType.Help => understanding with
        {
            AppealType = type,
            LooksLikeReport = true,
            Confidence = HelpConfidence,
            Category = understanding.CategoryConfidence > 0 ? understanding.Category : taxonomy.Find("民生服务")?.Name ?? understanding.Category,
        },
        _ => understanding with { AppealType = type, LooksLikeReport = false },
    };
}
