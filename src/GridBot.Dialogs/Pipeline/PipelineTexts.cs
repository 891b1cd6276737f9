namespace GridBot.Dialogs.Pipeline;

internal static class PipelineTexts
{
    public const string Apology = "抱歉，刚才处理您的消息时出了点问题，请稍后再发一次。";
    public const string UnboundGroup = "您好！本群尚未绑定网格，暂时无法登记工单。请联系社区工作人员把本群绑定到所属网格。";
    public const string UnknownPrivateUser = "您好！系统里还没有您的登记信息。请在所在网格的群里@我反映问题，或联系网格员为您登记。";
}
