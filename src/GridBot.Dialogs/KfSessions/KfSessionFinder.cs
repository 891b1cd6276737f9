using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.KfSessions;

/// <summary>
/// The kf session a 接管 / 交还 names: "客服12" (the session number staff see in 回访 tasks) or a ticket filed from kf.
/// Staff only reach sessions of grids in their scope; a WeCom userid is needed, because that is who WeCom hands it to.
/// </summary>
public sealed class KfSessionFinder(GridBotDbContext db, TicketCommandSupport tickets)
{
    private static readonly string[] SessionPrefixes = ["客服会话", "客服", "会话", "kf"];

    public async Task<KfSession?> FindAsync(TurnContext context, CommandInvocation invocation, string usage, CancellationToken cancellationToken)
    {
        if (context.Identity.Channel != KfSession.ServicerChannel)
        {
            context.Reply(KfSessionTexts.WeComOnly);
            return null;
        }

        var text = invocation.Arguments.Trim();
        var prefix = SessionPrefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        KfSession? session;
        if (prefix is not null && int.TryParse(text[prefix.Length..].Trim(), out var id))
        {
            session = await db.KfSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        }
        else
        {
            var ticket = await tickets.FindAsync(context, invocation.TakeReference().Reference, usage, cancellationToken);
            if (ticket is null)
            {
                return null;
            }

            var parts = ticket.Channel == KfSession.Channel ? ticket.ConversationId.Split(':', 2) : [];
            if (parts.Length != 2)
            {
                context.Reply(KfSessionTexts.NotFromKf(ticket.Number));
                return null;
            }

            session = await db.KfSessions.FirstOrDefaultAsync(s => s.OpenKfId == parts[0] && s.ExternalUserId == parts[1], cancellationToken);
        }

        if (session is null || !await db.Grids.InScope(context.Identity.Scope).AnyAsync(g => g.Id == session.GridId, cancellationToken))
        {
            context.Reply(KfSessionTexts.NotFound(text));
            return null;
        }

        return session;
    }
}
