using GridBot.Dialogs.Dialogs;

namespace GridBot.Dialogs.Announcements;

/// <summary>A leader's 公告 waiting for 确认: what will be sent, and where (a grid code, meaning its subtree).</summary>
public sealed record AnnouncementConfirmFrame(string Title, string Body, string TargetCode, bool RequireAck) : DialogFrame;
