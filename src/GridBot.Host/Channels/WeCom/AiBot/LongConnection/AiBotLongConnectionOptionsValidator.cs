namespace GridBot.Host.Channels.WeCom;

/// <summary>The long connection's settings, checked at start with the key's name (never the secret's value).</summary>
internal static class AiBotLongConnectionOptionsValidator
{
    public static void Validate(WeComAiBotOptions bot, List<string> errors)
    {
        if (bot.BotId.Length is 0 or > 128 || !bot.BotId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("WeCom:AiBot:BotId is required for WeCom:AiBot:Mode=LongConnection: the BotID from the admin console (letters, digits, - and _).");
        }

        if (bot.Secret.Length is 0 or > 256)
        {
            errors.Add("WeCom:AiBot:Secret is required for WeCom:AiBot:Mode=LongConnection (the long connection's Secret from the admin console).");
        }

        var ws = bot.LongConnection;
        if (!Uri.TryCreate(ws.Url, UriKind.Absolute, out var url) || url.Scheme is not ("wss" or "ws"))
        {
            errors.Add($"WeCom:AiBot:LongConnection:Url '{ws.Url}' must be an absolute wss:// (or ws:// for a local fake) URL.");
        }

        if (ws.HeartbeatInterval < TimeSpan.FromMilliseconds(100) || ws.HeartbeatInterval > TimeSpan.FromMinutes(2))
        {
            errors.Add("WeCom:AiBot:LongConnection:HeartbeatInterval must be between 100 ms and 2 minutes (Tencent's client: 30 s).");
        }

        if (ws.ReconnectDelay <= TimeSpan.Zero || ws.ReconnectMaxDelay < ws.ReconnectDelay)
        {
            errors.Add("WeCom:AiBot:LongConnection:ReconnectDelay must be positive and ReconnectMaxDelay at least as long.");
        }

        if (ws.AckTimeout <= TimeSpan.Zero || ws.AckTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add("WeCom:AiBot:LongConnection:AckTimeout must be positive and at most 1 minute.");
        }

        if (ws.LeaseRenewInterval <= TimeSpan.Zero || ws.LeaseDuration < ws.LeaseRenewInterval * 2)
        {
            errors.Add("WeCom:AiBot:LongConnection:LeaseRenewInterval must be positive and LeaseDuration at least twice as long (a renewal may be late once).");
        }

        if (ws.StandDownFor < TimeSpan.Zero)
        {
            errors.Add("WeCom:AiBot:LongConnection:StandDownFor may not be negative.");
        }

        if (ws.MaxFrameBytes is < 4096 or > 16 * 1024 * 1024)
        {
            errors.Add("WeCom:AiBot:LongConnection:MaxFrameBytes must be between 4096 and 16 MB.");
        }

        if (ws.PushesPerChatPerMinute < 1 || ws.PushesPerBotPerHour < 1)
        {
            errors.Add("WeCom:AiBot:LongConnection:PushesPerChatPerMinute and PushesPerBotPerHour must be at least 1.");
        }

        if (bot.ReplyBudget < TimeSpan.FromMilliseconds(100) || bot.ReplyBudget > TimeSpan.FromSeconds(4))
        {
            errors.Add("WeCom:AiBot:ReplyBudget must be between 100 ms and 4 s.");
        }
    }
}
