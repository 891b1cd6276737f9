using GridBot.Dialogs.Core;
using GridBot.Dialogs.StaffConsole;

namespace GridBot.Dialogs.Commands;

/// <summary>控制台: a one-time sign-in link to the staff console, only in a private chat (a link in a group could be used by anyone).</summary>
public sealed class ConsoleCommand(ConsoleLinkIssuer links) : ICommand
{
    public CommandDefinition Definition { get; } = new("控制台", ["控制台", "console"], CommandAudience.Staff, "控制台", "获取工作台登录链接（仅私聊）");

    public Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (context.Identity.IsGroup)
        {
            context.Reply("登录链接只能在私聊中发送，请私聊我发送“控制台”。");
            return Task.CompletedTask;
        }

        var url = links.Issue(context.Identity.Channel, context.Identity.UserId);
        context.Reply(url is null
            ? "工作台尚未配置访问地址（Console:PublicBaseUrl），请联系管理员。"
            : $"工作台登录链接（{links.Lifetime.TotalMinutes:0} 分钟内有效，仅可使用一次，请勿转发）：\n{url}");
        return Task.CompletedTask;
    }
}
