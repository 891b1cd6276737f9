namespace GridBot.Host.Cli;

/// <summary>
/// Command-line verbs over the same features as the bot. They use the bot's configuration (appsettings,
/// environment, --Key=value) and database, without starting the web server.
/// </summary>
public static class CliCommands
{
    private static readonly string Usage = "用法 / usage:\n" + ImportVerb.Usage + "\n" + ClassifierVerb.Usage + "\n" + LedgerVerb.Usage + "\n" + AnnounceVerb.Usage + """

          dotnet run --project src/GridBot.Host -- digest --scope <编码> [--period daily|weekly] [--date 2026-11-23]   社区/街道简报（JSON）
          dotnet run --project src/GridBot.Host -- kf links [--scope <编码>] [--out <文件夹>]   每个网格一个微信客服链接和二维码（PNG + 打印页 index.html）
          dotnet run --project src/GridBot.Host -- wecom sync-groups   同步客户群（群主、网格、人数），重复运行只更新
          dotnet run --project src/GridBot.Host -- wecom doctor [--force]   检查智能机器人长连接（连接、订阅、心跳后退出）
          dotnet run --project src/GridBot.Host -- schedule list [--from "2026-09-30 12:00"] [--count N] [--grid <编码>]   预览各网格接下来的提醒时间
        其余参数按 .NET 配置传入，如 --ConnectionStrings:GridBot="Data Source=data/gridbot.db"
        """;

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "import" or "classifier" or "digest" or "schedule" or "kf" or "wecom" or "ledger" or "announce" or "help" or "--help" or "-h";

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
            case "announce":
                return await AnnounceVerb.RunAsync(args.Skip(1), cancellationToken);
            default:
                Console.WriteLine(Usage);
                return 0;
        }
    }
}
