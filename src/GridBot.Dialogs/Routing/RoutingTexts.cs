namespace GridBot.Dialogs.Routing;

internal static class RoutingTexts
{
    public const string NotUnderstood = "没太明白您的意思😊 您可以直接描述问题和位置，例如“3号楼2单元楼道灯坏了”“小区东门垃圾没人清”；发送“帮助”可查看我能做的事。";
}
