using GridBot.Dialogs.Time;
using GridBot.Store.Announcements;

namespace GridBot.Dialogs.Announcements;

/// <summary>Everything announcements say to people.</summary>
public static class AnnouncementTexts
{
    public const string AckHint = "请回复“收到”确认已阅（也可引用本条回复“收到”）。";

    public static string Footer(Announcement announcement, ShanghaiTime clock, DateTime publishedUtc) =>
        $"—— {announcement.PublisherName} 发布于 {clock.ToLocal(publishedUtc):M月d日 HH:mm}" + (announcement.RequireAck ? "\n" + AckHint : "");

    public static string Reach(AnnouncementReach reach) => $"将发送到 {reach.Chats.Count} 个群（{reach.GridCount} 个网格）";

    public static string Confirm(AnnouncementReach reach, string title) =>
        $"{Reach(reach)}：\n“{title}”\n回复“确认”发送，回复“取消”放弃。发送后群成员回复“收到”即记为回执。";

    public static string Published(int number, AnnouncementReach reach) =>
        $"已发布公告 {number}，正在发送到 {reach.Chats.Count} 个群。发送“公告 回执 {number}”查看谁已确认，“撤回 {number}”可撤回。";

    public static string Withdrawn(int number, string title) => $"【公告 {number}】“{title}”已撤回，请以最新通知为准。";
}
