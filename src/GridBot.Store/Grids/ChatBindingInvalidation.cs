using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GridBot.Store.Grids;

/// <summary>
/// Keeps <see cref="ChatBindings"/> true for this process: a save that adds, changes or removes a chat or a grid
/// invalidates it when the save returns and again when the transaction it was part of commits or rolls back (a turn
/// that read the old binding between the save and the commit cannot leave it remembered).
/// </summary>
public sealed class ChatBindingInvalidation(ChatBindings bindings) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

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
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.Entity is Chat or Grid && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    // After a save the context stays marked while its transaction is open; the transaction's end clears the mark.
    private void Settle(DbContext? context, bool saved)
    {
        if (context is null || !_pending.TryGetValue(context, out _))
        {
            return;
        }

        bindings.Invalidate();
        if (!saved || context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }
}
