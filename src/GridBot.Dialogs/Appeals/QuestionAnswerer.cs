using GridBot.Dialogs.Announcements;
using GridBot.Store.Grids;

namespace GridBot.Dialogs.Appeals;

/// <summary>
/// Answers a question from the knowledge base and the grid's announcements (the same search as 政策), by the
/// question's topic words. Announcements are looked up by topic, never by generic words like 申请 or 办理, which
/// would match every notice.
/// </summary>
public sealed class QuestionAnswerer(KnowledgeSearch knowledge, PolicySearch announcements)
{
    private const int TopicsTried = 2;
    private const int AnnouncementsShown = 2;

    public async Task<QuestionAnswer> AnswerAsync(string question, Grid grid, CancellationToken cancellationToken)
    {
        var best = (await knowledge.FindAsync(question, grid, 1, cancellationToken)).FirstOrDefault();
        var hits = new List<PolicyHit>();
        foreach (var topic in QuestionTerms.Topics(question, TopicsTried))
        {
            hits.AddRange((await announcements.FindAsync(topic, grid, AnnouncementsShown, cancellationToken)).Where(h => hits.All(x => x.Number != h.Number)));
            if (hits.Count >= AnnouncementsShown)
            {
                break;
            }
        }

        return new QuestionAnswer(best is { Score: >= KnowledgeSearch.GoodScore } ? best : null, hits.Take(AnnouncementsShown).ToList());
    }
}
