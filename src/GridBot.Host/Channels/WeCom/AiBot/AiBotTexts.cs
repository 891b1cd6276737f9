namespace GridBot.Host.Channels.WeCom.AiBot;

internal static class AiBotTexts
{
    public const string Working = "收到，正在处理，稍后在这里回复您。";
    public const string StillWorking = "正在处理，请稍候…";
    public const string Unreadable = "暂时只能处理文字、语音和图片，请用文字描述一下情况，例如“3号楼电梯坏了”。";
    public const string Welcome = "您好，我是网格小助手。直接告诉我遇到的问题（例如“3号楼2单元楼道灯坏了”），我会登记成工单并转给网格员处理；发送“帮助”查看更多用法。";
}
