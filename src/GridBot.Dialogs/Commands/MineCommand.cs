using System.Text;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

public sealed class MineCommand(GridBotDbContext db, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("我的工单", ["我的工单", "我的", "mine"], CommandAudience.Everyone, "我的工单", "查看我反映过的问题");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (channel, userId) = (context.Identity.Channel, context.Identity.UserId);
        var mine = await db.Tickets.AsNoTracking()
            .Where(t => t.Reporters.Any(r => r.Channel == channel && r.UserId == userId))
            .OrderByDescending(t => t.Id)
            .Take(10)
            .Select(t => new { t.Number, t.Description, t.Status, t.CreatedUtc })
            .ToListAsync(cancellationToken);
        if (mine.Count == 0)
        {
            context.Reply("您还没有反映过问题。遇到问题直接发给我就行，例如“3号楼2单元楼道灯坏了”。");
            return;
        }

        var text = new StringBuilder("您最近反映的问题：\n");
        foreach (var t in mine)
        {
            text.Append($"· {t.Number} {TicketTexts.Excerpt(t.Description, 16)} — {TicketStatusNames.Of(t.Status)}（{clock.Format(t.CreatedUtc)}）\n");
        }

        context.Reply(text.ToString().TrimEnd());
    }
}
