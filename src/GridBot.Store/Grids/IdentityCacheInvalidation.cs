using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridBot.Store.Grids;

/// <summary>
/// Keeps <see cref="IdentityCache"/> true for this process: a save that adds, changes or removes a chat or a grid
/// forgets everything, one that touches a member forgets that person's memberships (by the old and the new channel and
/// user id). It forgets when the save returns and again when the transaction it was part of commits or rolls back, so
/// a turn that read the old value between the save and the commit cannot leave it remembered. That transaction may be
/// another context's (a turn written in a group's transaction, <see cref="Turns.CommitGroup"/>): what a save leaves to
/// forget at the end is kept by the transaction, not by the context. Writes that bypass
/// SaveChanges (ExecuteUpdate, raw SQL) are not seen: none touches these tables.
/// </summary>
public sealed class IdentityCacheInvalidation(IdentityCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];
    private readonly ConditionalWeakTable<DbTransaction, Pending> _atEnd = [];

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
        Settle(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save outside a transaction changed nothing; inside one, the rollback settles it.
    public void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction);
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

    // A save inside a transaction leaves its mark with that transaction, whose end forgets once more.
    private void Settle(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        Forget(pending);
        _pending.Remove(context);
        if (context.Database.CurrentTransaction is { } transaction)
        {
            lock (_atEnd)
            {
                var atEnd = _atEnd.GetValue(transaction.GetDbTransaction(), _ => new Pending());
                atEnd.All |= pending.All;
                atEnd.People.UnionWith(pending.People);
            }
        }
    }

    private void Ended(DbTransaction transaction)
    {
        Pending? pending;
        lock (_atEnd)
        {
            if (!_atEnd.TryGetValue(transaction, out pending))
            {
                return;
            }

            _atEnd.Remove(transaction);
        }

        Forget(pending);
    }

    private void Forget(Pending pending)
    {
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
    }

    // One context saves on one thread at a time, and a transaction's saves follow one another: a plain set is enough.
    private sealed class Pending
    {
        public bool All { get; set; }

        public HashSet<object> People { get; } = [];
    }
}
