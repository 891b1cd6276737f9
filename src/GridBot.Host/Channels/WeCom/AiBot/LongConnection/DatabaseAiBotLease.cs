using GridBot.Store;
using GridBot.Store.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// The lease as one <see cref="AiBotLease"/> row when there is no Redis: taken by a conditional UPDATE (free, expired
/// or already ours), or by the INSERT of the first host, whose unique key makes the loser of a race see "held".
/// Expiry is compared with the hosts' clocks, so they must be in sync to well under the lease duration (NTP).
/// </summary>
internal sealed class DatabaseAiBotLease(IServiceScopeFactory scopes, IOptions<WeComOptions> options, TimeProvider time) : IAiBotLease
{
    private string BotId => options.Value.AiBot.BotId;

    public async Task<bool?> TryHoldAsync(string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        try
        {
            var taken = await db.AiBotLeases
                .Where(l => l.BotId == BotId && (l.Holder == holder || l.ExpiresUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresUtc, until), cancellationToken);
            if (taken == 1)
            {
                return true;
            }

            if (await db.AiBotLeases.AnyAsync(l => l.BotId == BotId, cancellationToken))
            {
                return false;
            }

            db.AiBotLeases.Add(new AiBotLease { BotId = BotId, Holder = holder, ExpiresUtc = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Another host inserted the row first.
            return false;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException || StoreErrors.StorageUnavailableReason(ex) is not null)
        {
            return null;
        }
    }

    public async Task ReleaseAsync(string holder, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().AiBotLeases
            .Where(l => l.BotId == BotId && l.Holder == holder)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<string?> HolderAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow().UtcDateTime;
        return await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().AiBotLeases.AsNoTracking()
            .Where(l => l.BotId == BotId && l.ExpiresUtc >= now).Select(l => l.Holder).FirstOrDefaultAsync(cancellationToken);
    }
}
