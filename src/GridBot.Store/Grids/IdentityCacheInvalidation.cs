using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridBot.Store.Grids;

/// <summary>
/// Keeps <see cref="IdentityCache"/> true for this process: a save that adds, changes or removes a chat or a grid
/// forgets everything, one that touches a member forgets that person's memberships (by the old and the new channel and
/// user id). It forgets when the save returns and again when the transaction it was part of commits or rolls back, so
/// a turn that read the old value between the save and the commit cannot leave it remembered. Writes that bypass
/// SaveChanges (ExecuteUpdate, raw SQL) are not seen: none touches these tables.
/// </summary>
public sealed class IdentityCacheInvalidation(IdentityCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context, saved: true);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context, saved: true);
        return ValueTask.FromResult(result);
    }

    // A failed save outside a transaction changed nothing; inside one, the rollback settles it.
    public void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context, saved: true);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context, saved: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Settle(eventData.Context, saved: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context, saved: false);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Settle(eventData.Context, saved: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context, saved: false);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Chat or Grid:
                    PendingOf(context).All = true;
                    break;
                case Member member:
                    var people = PendingOf(context).People;
                    people.Add(Memberships.KeyOf(member.Channel, member.UserId));
                    if (entry.State == EntityState.Modified)
                    {
                        var channel = (string)entry.Property(nameof(Member.Channel)).OriginalValue!;
                        var userId = (string)entry.Property(nameof(Member.UserId)).OriginalValue!;
                        people.Add(Memberships.KeyOf(channel, userId));
                    }

                    break;
            }
        }
    }

    private Pending PendingOf(DbContext context) => _pending.GetValue(context, _ => new Pending());

    // After a save the context stays marked while its transaction is open; the transaction's end clears the mark.
    private void Settle(DbContext? context, bool saved)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        if (pending.All)
        {
            cache.ForgetAll();
        }
        else
        {
            foreach (var person in pending.People)
            {
                cache.Forget(person);
            }
        }

        if (!saved || context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }

    // One context saves on one thread at a time: a plain set is enough.
    private sealed class Pending
    {
        public bool All { get; set; }

        public HashSet<object> People { get; } = [];
    }
}
