using GridBot.Dialogs.Time;
using GridBot.Store.Announcements;

namespace GridBot.Dialogs.Announcements;

/// <summary>Everything announcements say to people.</summary>
public static class AnnouncementTexts
{
    public const string AckHint = "请回复“收到”确认已阅（也可引用本条回复“收到”）。";

    /// <summary>Residents in a customer group cannot answer the bot there: their 收到 comes through the grid's 微信客服.</summary>
    public const string CustomerGroupAckHint = "请在本网格的微信客服中回复“收到”确认已阅。";

    public static string Footer(Announcement announcement, ShanghaiTime clock, DateTime publishedUtc) =>
        FooterWith(announcement, clock, publishedUtc, AckHint);

    public static string CustomerGroupFooter(Announcement announcement, ShanghaiTime clock, DateTime publishedUtc) =>
        FooterWith(announcement, clock, publishedUtc, CustomerGroupAckHint);

    public static string Reach(AnnouncementReach reach) =>
        $"将发送到 {reach.Chats.Count} 个群（{reach.GridCount} 个网格）" + CustomerGroups(reach);

    private static string FooterWith(Announcement announcement, ShanghaiTime clock, DateTime publishedUtc, string ackHint) =>
        $"—— {announcement.PublisherName} 发布于 {clock.ToLocal(publishedUtc):M月d日 HH:mm}" + (announcement.RequireAck ? "\n" + ackHint : "");

    private static string CustomerGroups(AnnouncementReach reach) =>
        reach.CustomerGroupCount == 0 ? "" : $"，另有 {reach.CustomerGroupCount} 个居民客户群（群主在企业微信确认后发出）";

    public static string Confirm(AnnouncementReach reach, string title) =>
        $"{Reach(reach)}：\n“{title}”\n回复“确认”发送，回复“取消”放弃。发送后群成员回复“收到”即记为回执。";

    public static string Published(int number, AnnouncementReach reach) =>
        $"已发布公告 {number}，正在发送到 {reach.Chats.Count} 个群{CustomerGroups(reach)}。发送“公告 回执 {number}”查看谁已确认，“撤回 {number}”可撤回。";

    public static string KfAckThanks(int number) => $"已记录您对公告 {number} 的回执，谢谢！";

    /// <summary>A 收到 said to the bot (@-mention, quote) is answered, unlike the group's plain 收到.</summary>
    public const string AckNoted = "收到，已记下您的回执，谢谢！";

    public static string Withdrawn(int number, string title) => $"【公告 {number}】“{title}”已撤回，请以最新通知为准。";
}
