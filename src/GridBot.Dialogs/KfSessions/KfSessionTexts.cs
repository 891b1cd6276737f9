namespace GridBot.Dialogs.KfSessions;

/// <summary>What 接管 / 交还 say to staff and, through the msg_code, to the resident.</summary>
public static class KfSessionTexts
{
    public const string WeComOnly = "请在企业微信里发送这条命令：微信客服会话只能转给您的企业微信账号。";

    public const string AlreadyBot = "这个会话现在由机器人接待，无需交还。";

    public const string HandedBack = "已交还机器人：居民下次留言将由机器人登记。";

    /// <summary>The resident's closing message (the msg_code of state 4).</summary>
    public const string ClosingForResident = "本次人工服务已结束。如有新的问题，直接留言即可，我们会继续为您登记。";

    public static string NotFromKf(string ticketNumber) => $"工单 {ticketNumber} 不是居民通过微信客服反映的，没有可接管的会话。";

    public static string NotFound(string reference) => $"没有找到您辖区内的客服会话“{reference}”。";

    public const string AlreadyYours = "这个会话已由您接待，请在企业微信「微信客服」中直接回复居民。";

    public static string TakenOver(int sessionId) =>
        $"已接管客服会话 {sessionId}：请在企业微信「微信客服」中直接回复居民，机器人暂停回复。处理完发送“交还 客服{sessionId}”交还机器人。";

    public static string Refused(string verb, int errcode) => errcode switch
    {
        95014 => $"无法{verb}：您还不是该微信客服的接待人员（请管理员在企业微信后台「微信客服 → 接待人员」中添加您，并确认您在应用可见范围内）。",
        95019 => $"无法{verb}：您当前不是“接待中”状态，请在企业微信「微信客服」中开启接待。",
        95013 or 95016 => $"无法{verb}：会话当前的状态不允许（可能已被他人接待或已结束）。",
        _ => $"无法{verb}：企业微信拒绝了请求（错误码 {errcode}），请稍后再试。",
    };
}
