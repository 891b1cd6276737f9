namespace GridBot.Host.Endpoints;

/// <summary>POST /api/announcements. Targets are grid codes (each means its whole subtree); scheduleAt without an offset is Beijing time.</summary>
public sealed record AnnouncementRequest(
    string? Title,
    string? Body,
    IReadOnlyList<string>? Targets,
    string? ScheduleAt,
    bool RequireAck,
    bool DryRun,
    string? Publisher);

public sealed record AnnouncementPreview(int Chats, int Grids, int Parts, int CustomerGroups);

public sealed record AnnouncementCreated(int Number, string Status, int Chats, int Grids, int Parts, int CustomerGroups, DateTime? ScheduledAt, DateTime? PublishedAt);

public sealed record AnnouncementSummary(
    int Number, string Title, string Status, IReadOnlyList<string> Targets, bool RequireAck,
    DateTime CreatedAt, DateTime? ScheduledAt, DateTime? PublishedAt, DateTime? WithdrawnAt, int Chats, int Acknowledged);

public sealed record AnnouncementDetail(
    int Number, string Title, string Body, string Status, IReadOnlyList<string> Targets, string Publisher, bool RequireAck,
    DateTime CreatedAt, DateTime? ScheduledAt, DateTime? PublishedAt, DateTime? WithdrawnAt,
    AnnouncementDeliveryTotals Delivery, int Acknowledged,
    IReadOnlyList<AnnouncementGridRate> Grids, IReadOnlyList<AnnouncementChatStatus> Chats,
    IReadOnlyList<AnnouncementCustomerGroupStatus> CustomerGroups);

public sealed record AnnouncementDeliveryTotals(int Chats, int Sent, int Pending, int Failed, int Attempts);

public sealed record AnnouncementGridRate(string Code, string Name, int Known, int Acknowledged, double? Rate);

/// <summary>One chat's delivery; the robot's webhook key is a secret and never appears here.</summary>
public sealed record AnnouncementChatStatus(string Chat, string Channel, string Grid, string Status, int Parts, int Attempts, string? LastError, DateTime? SentAt);

/// <summary>
/// One customer group's mass-send: Waiting (no owner task yet), OwnerToConfirm (task created, the owner has not
/// confirmed), Sent (confirmed and sent), Skipped (reason, e.g. the monthly cap) or Failed (reason).
/// </summary>
public sealed record AnnouncementCustomerGroupStatus(string ChatId, string Name, string Grid, string Owner, string Status, string? Reason, DateTime? SentAt);

public sealed record WithdrawRequest(string? By);
