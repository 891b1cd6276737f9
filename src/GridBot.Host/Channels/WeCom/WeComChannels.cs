namespace GridBot.Host.Channels.WeCom;

/// <summary>Names of the WeCom callback endpoints: DI keys of their crypto, log fields and replay-guard scopes.</summary>
public static class WeComChannels
{
    public const string AiBot = "aibot";
    public const string App = "app";
}
