namespace GridBot.Dialogs.Announcements;

/// <summary>One 政策 search answer: the announcement, when it was published, and the words around the first match.</summary>
public sealed record PolicyHit(int Number, string Title, DateTime PublishedUtc, string Excerpt);
