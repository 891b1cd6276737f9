using GridBot.Dialogs.Announcements;

namespace GridBot.Dialogs.Appeals;

/// <summary>What the bot can say to a question: the best knowledge-base answer (if good) and related announcements.</summary>
public sealed record QuestionAnswer(KnowledgeHit? Knowledge, IReadOnlyList<PolicyHit> Announcements)
{
    public bool Answered => Knowledge is not null || Announcements.Count > 0;
}
