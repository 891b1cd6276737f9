namespace GridBot.Dialogs.Announcements;

/// <summary>What a publisher asks for, from chat, the API or the command line alike.</summary>
public sealed record AnnouncementDraft(
    string Title,
    string Body,
    IReadOnlyList<string> Targets,
    bool RequireAck,
    DateTime? ScheduleAtUtc,
    string PublisherId,
    string PublisherName);
