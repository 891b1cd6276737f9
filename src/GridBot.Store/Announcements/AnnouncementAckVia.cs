namespace GridBot.Store.Announcements;

public enum AnnouncementAckVia
{
    /// <summary>收到 / 已阅 / 已读 in a chat with an open announcement: the newest open one.</summary>
    Words,

    /// <summary>A quote-reply to the announcement itself.</summary>
    Quote,

    /// <summary>收到 from a resident on 微信客服 after the announcement reached their grid's customer group.</summary>
    Kf,
}
