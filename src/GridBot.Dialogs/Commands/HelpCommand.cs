using System.Text;
using GridBot.Dialogs.Core;

namespace GridBot.Dialogs.Commands;

/// <summary>Lists only what the speaker may do.</summary>
public sealed class HelpCommand(IServiceProvider services) : ICommand
{
    public CommandDefinition Definition { get; } = new("帮助", ["帮助", "菜单", "命令", "help"], CommandAudience.Everyone, "帮助", "查看我能做的事");

    public Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        // Resolved lazily: the parser holds every command, this one included.
        var parser = (CommandParser)services.GetService(typeof(CommandParser))!;
        var staff = context.Identity.IsStaff;
        var text = new StringBuilder(staff ? "您好！您可以使用以下命令（也可加“/”前缀或用英文别名）：\n" : "您好！我是网格小助手。直接描述遇到的问题（最好带上楼栋/位置）就能登记工单。您还可以：\n");
        foreach (var definition in parser.Commands.Select(c => c.Definition))
        {
            if (definition.Audience == CommandAudience.Staff && !staff)
            {
                continue;
            }

            var english = definition.Aliases.FirstOrDefault(a => char.IsAsciiLetter(a[0]));
            text.Append("· ").Append(definition.Usage).Append(" — ").Append(definition.Summary);
            if (english is not null)
            {
                text.Append("（/").Append(english).Append('）');
            }

            text.Append('\n');
        }

        context.Reply(text.ToString().TrimEnd());
        return Task.CompletedTask;
    }
}
