using GridBot.Dialogs.Core;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Pipeline;

/// <summary>
/// Holds one database connection open for the whole turn: every query reuses it instead of taking one from the
/// pool and re-running the connection pragmas, and a transaction begun during the turn (the ticket number) spans
/// to the turn's commit. Disposing the scope closes it, and an uncommitted transaction rolls back.
/// </summary>
public sealed class UnitOfWorkMiddleware(GridBotDbContext db) : IMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            if (db.Database.CurrentTransaction is { } open)
            {
                await open.RollbackAsync(CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
