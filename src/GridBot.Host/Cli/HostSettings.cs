namespace GridBot.Host.Cli;

/// <summary>
/// The bot's own settings typed beside a verb (<c>--ConnectionStrings:GridBot=…</c>, <c>--Demo:Enabled false</c>): a
/// colon in the name marks a configuration key, which no verb option has, so they go to the host and the rest to the
/// verb's parser (which then rejects a mistyped option instead of passing it on).
/// </summary>
internal static class HostSettings
{
    public static (string[] Verb, string[] Settings) Split(IReadOnlyList<string> args)
    {
        var verb = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..].Split('=', 2)[0] : "";
            if (!name.Contains(':', StringComparison.Ordinal))
            {
                verb.Add(arg);
                continue;
            }

            settings.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                settings.Add(args[++i]);
            }
        }

        return ([.. verb], [.. settings]);
    }
}
