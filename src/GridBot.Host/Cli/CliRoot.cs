using System.CommandLine;

namespace GridBot.Host.Cli;

/// <summary>Every verb under one root, so <c>--help</c> lists them and a mistyped one gets the closest.</summary>
internal static class CliRoot
{
    public static RootCommand Create(string[] settings)
    {
        var root = new RootCommand(
            "GridBot 网格助手。不带命令运行即启动机器人；带命令运行一项工作后退出。" +
            "\n机器人的配置可写在任何命令旁，如 --ConnectionStrings:GridBot=\"Data Source=data/gridbot.db\" --Demo:Enabled=false。" +
            "\n退出码：0 完成，1 失败，2 命令行有误。");
        foreach (var option in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            option.Description = "显示帮助和用法";
        }

        root.Subcommands.Add(ImportVerb.Create(settings));
        root.Subcommands.Add(ClassifierVerb.Create(settings));
        root.Subcommands.Add(DigestVerb.Create(settings));
        root.Subcommands.Add(ScheduleVerb.Create(settings));
        root.Subcommands.Add(KfLinksVerb.Create(settings));
        root.Subcommands.Add(WeComVerb.Create(settings));
        root.Subcommands.Add(LedgerVerb.Create(settings));
        root.Subcommands.Add(AnnounceVerb.Create(settings));
        root.Subcommands.Add(CalendarVerb.Create());
        root.Subcommands.Add(DoctorVerb.Create(settings));
        root.Subcommands.Add(ConversationsVerb.Create(settings));
        var help = new Command("help", "显示本帮助（同 --help）");
        help.SetAction(_ => root.Parse("--help").Invoke());
        root.Subcommands.Add(help);
        return root;
    }
}
