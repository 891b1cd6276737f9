namespace GridBot.Host.Cli;

/// <summary>
/// Command-line verbs over the same features as the bot. They use the bot's configuration (appsettings,
/// environment, --Key=value) and database, without starting the web server.
/// </summary>
public static class CliCommands
{
    private static readonly string Usage = "用法 / usage:\n" + ImportVerb.Usage + "\n" + ClassifierVerb.Usage + "\n" + LedgerVerb.Usage + "\n" + AnnounceVerb.Usage + "\n" + CalendarVerb.Usage + "\n" + DoctorVerb.Usage + "\n" + ConversationsVerb.Usage + """

          dotnet run --project src/GridBot.Host -- digest --scope <编码> [--period daily|weekly] [--date 2026-11-23]   社区/街道简报（JSON）
          dotnet run --project src/GridBot.Host -- kf links [--scope <编码>] [--out <文件夹>]   每个网格一个微信客服链接和二维码（PNG + 打印页 index.html）
          dotnet run --project src/GridBot.Host -- wecom sync-groups   同步客户群（群主、网格、人数），重复运行只更新
          dotnet run --project src/GridBot.Host -- wecom doctor [--force]   检查智能机器人长连接（连接、订阅、心跳后退出）
          dotnet run --project src/GridBot.Host -- schedule list [--from "2026-09-30 12:00"] [--count N] [--grid <编码>]   预览各网格接下来的提醒时间
        其余参数按 .NET 配置传入，如 --ConnectionStrings:GridBot="Data Source=data/gridbot.db"
        """;

    /// <summary>Every verb, for the usage line and the "did you mean" of a mistyped one.</summary>
    private static readonly string[] Verbs = ["import", "classifier", "digest", "schedule", "kf", "wecom", "ledger", "announce", "calendar", "doctor", "conversations", "help"];

    /// <summary>
    /// Anything but host settings (<c>--urls …</c>, <c>--Key=value</c>, <c>Key=value</c>) is a verb, so a mistyped verb
    /// answers with the list of verbs instead of silently starting the bot.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        switch (args[0])
        {
            case "import":
                return await ImportVerb.RunAsync(args, cancellationToken);
            case "classifier":
                return await ClassifierVerb.RunAsync(args, cancellationToken);
            case "digest":
                return await DigestVerb.RunAsync(args.Skip(1), cancellationToken);
            case "ledger":
                return await LedgerVerb.RunAsync(args.Skip(1), cancellationToken);
            case "schedule":
                return await ScheduleVerb.RunAsync(args.Skip(1), cancellationToken);
            case "wecom" when args.Length > 1 && args[1] == "sync-groups":
                return await WeComVerb.RunAsync(args.Skip(2), cancellationToken);
            case "wecom" when args.Length > 1 && args[1] == "doctor":
                return await WeComDoctorVerb.RunAsync(args.Skip(2), cancellationToken);
            case "kf" when args.Length > 1 && args[1] == "links":
                return await KfLinksVerb.RunAsync(args.Skip(2), cancellationToken);
            case "conversations" when args.Length > 1 && args[1] == "eval":
                return await ConversationsVerb.RunAsync(args.Skip(2), cancellationToken);
            case "wecom" or "kf" or "conversations":
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            case "announce":
                return await AnnounceVerb.RunAsync(args.Skip(1), cancellationToken);
            case "doctor":
                return await DoctorVerb.RunAsync(args.Skip(1), cancellationToken);
            case "calendar":
                return await CalendarVerb.RunAsync(args.Skip(1), cancellationToken);
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync(UnknownVerb(args[0]));
                return 2;
        }
    }

    /// <summary>"没有 calender 这个命令，您是不是要用 calendar？" and the verbs there are.</summary>
    internal static string UnknownVerb(string verb)
    {
        var closest = Verbs.MinBy(v => EditDistance(verb.ToLowerInvariant(), v));
        var hint = closest is not null && EditDistance(verb.ToLowerInvariant(), closest) <= Math.Max(2, verb.Length / 3)
            ? $"您是不是要用 {closest}？/ did you mean '{closest}'? "
            : "";
        return $"没有“{verb}”这个命令 / unknown command '{verb}'. {hint}可用的命令 / commands: {string.Join(", ", Verbs)}。" +
            "\n启动机器人不带命令：dotnet run --project src/GridBot.Host；查看用法：dotnet run --project src/GridBot.Host -- help";
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
