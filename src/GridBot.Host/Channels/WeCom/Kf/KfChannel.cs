namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The channel name of 微信客服 Activities and outbox rows; a conversation id is "open_kfid:external_userid".</summary>
public static class KfChannel
{
    public const string Name = Store.Kf.KfSession.Channel;
}
