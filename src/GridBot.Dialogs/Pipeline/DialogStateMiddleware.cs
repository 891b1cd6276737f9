using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Store;
using GridBot.Store.Conversations;

namespace GridBot.Dialogs.Pipeline;

/// <summary>Loads the speaker's dialog stack before the turn and stages it for the turn's commit after.</summary>
public sealed class DialogStateMiddleware(GridBotDbContext db, TimeProvider time) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var key = context.DialogKey;
        var record = await db.DialogStates.FindAsync([key], cancellationToken);
        if (record is not null)
        {
            context.Dialogs = JsonSerializer.Deserialize(record.Json, DialogJson.Default.DialogStack) ?? new DialogStack();
        }

        await next(cancellationToken);

        if (context.Dialogs.Frames.Count == 0)
        {
            if (record is not null)
            {
                db.DialogStates.Remove(record);
            }

            return;
        }

        var json = JsonSerializer.Serialize(context.Dialogs, DialogJson.Default.DialogStack);
        if (record is null)
        {
            db.DialogStates.Add(new DialogStateRecord { Key = key, Json = json, UpdatedUtc = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            record.Json = json;
            record.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        }
    }
}
