using GridBot.Dialogs.Tickets.Classification;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// The trained model decides report-or-not and the category; the taxonomy's rules still own urgency, courtesies,
/// the doubt of a question without a problem word, and the appeal type (<see cref="AppealRules"/>): "低保怎么申请？"
/// is a question to answer and "能不能多放几个长椅？" a suggestion, whatever the model thinks of them as reports.
/// </summary>
public sealed class ClassifierTicketUnderstander(
    TicketClassifierProvider classifier,
    KeywordTicketUnderstander rules,
    TaxonomyProvider taxonomyProvider,
    IOptions<ClassifierOptions> options) : ITicketUnderstander
{
    public TicketUnderstanding Understand(string text, string gridCode)
    {
        var taxonomy = taxonomyProvider.Current;
        var signals = rules.Analyze(text);
        if (signals.Courtesy)
        {
            return new TicketUnderstanding(false, taxonomy.FallbackCategory, 0, 0, TicketUrgency.Normal, null);
        }

        // The model reads what the resident meant: "电题" is a word it never saw, "电梯" one it knows well.
        var prediction = classifier.Current.Predict(taxonomy.Respell(text));
        var notReport = options.Value.NotReportLabel;
        var place = PlaceExtractor.Extract(text);
        var categories = prediction.Scores.Where(s => s.Label != notReport && taxonomy.Find(s.Label) is not null).ToList();
        var reportProbability = 1.0 - prediction.Scores.Where(s => s.Label == notReport).Sum(s => s.Score);
        // A label set the taxonomy does not know (a model trained elsewhere) falls back to the keywords.
        var best = categories.Count > 0 ? categories[0] : default;
        var category = best.Label ?? signals.KeywordCategory?.Name ?? taxonomy.FallbackCategory;
        var categoryConfidence = best.Label is null || reportProbability <= 0 ? signals.Confidence : Math.Min(1, best.Score / reportProbability);
        if (signals.KeywordCategory?.Name == category)
        {
            categoryConfidence = Math.Max(categoryConfidence, signals.Confidence);
        }

        if (signals.Urgent)
        {
            category = best.Label ?? signals.KeywordCategory?.Name ?? KeywordTicketUnderstander.UrgentFallback(taxonomy);
            return new TicketUnderstanding(true, category, signals.Confidence, Math.Max(categoryConfidence, 0.9), TicketUrgency.Urgent, place, signals.AppealType);
        }

        // The rules can overrule the model only when they are sure: a category keyword and a problem word.
        var confidence = signals.Confidence >= 0.9 ? Math.Max(reportProbability, signals.Confidence) : reportProbability;
        if (signals.Question && !signals.Problem)
        {
            confidence = Math.Min(confidence, 0.5);
        }

        var understanding = new TicketUnderstanding(confidence >= 0.3, category, confidence, categoryConfidence, TicketUrgency.Normal, place);
        return AppealRules.Shape(understanding, signals.AppealType, taxonomy);
    }
}
