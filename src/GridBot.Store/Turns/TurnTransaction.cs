using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Turns;

/// <summary>
/// The one owner of a turn's unit of work: it holds the turn's connection and, only at commit, enters the writer's queue
/// (<see cref="WriterGate"/>), begins the write transaction, takes the turn's ticket numbers
/// (<see cref="TicketNumberAllocator"/>: they replace the placeholders the turn wrote), saves everything the turn staged
/// (tickets, events, dialog state, processed-activity mark, replies, outbox rows) in one SaveChanges and commits; it rolls
/// back on failure or when the turn ends without committing. While a turn owns the DbContext, any other SaveChanges
/// throws, so no feature can commit half a turn. Also the unit of work of writes outside a turn that take a ticket
/// number (Open311, the demo's history).
/// </summary>
public sealed class TurnTransaction(GridBotDbContext db, WriterGate writers, TicketNumberAllocator numbers) : IAsyncDisposable
{
    private readonly List<Func<CancellationToken, ValueTask>> _afterCommit = [];
    private bool _open;
    private bool _writer;

    /// <summary>Opens the turn's connection (queries reuse it; the connection pragmas run once) and takes the DbContext.</summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_open)
        {
            throw new InvalidOperationException("The turn's unit of work is already open.");
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        db.Owner = this;
        _open = true;
    }

    /// <summary>
    /// Begins the write transaction now if it is not begun yet, for a writer that must hold it across its own reads (a
    /// withdrawal locks and re-reads its announcement so a fan-out chunk cannot commit in between). A turn does not call it: its commit begins the transaction.
    /// </summary>
    public async Task EnsureWriteAsync(CancellationToken cancellationToken)
    {
        if (!_open)
        {
            await BeginAsync(cancellationToken);
        }

        if (db.Database.CurrentTransaction is null)
        {
            _writer = await writers.EnterAsync(cancellationToken);
            try
            {
                await db.Database.BeginTransactionAsync(cancellationToken);
            }
            catch
            {
                LeaveWriter();
                throw;
            }
        }
    }

    /// <summary>
    /// Writes what is staged so far inside the turn's write transaction, for a later query of the same turn that must
    /// see it (kf's new membership before the identity step). Nothing is committed: a failure still rolls all of it back.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken) => SaveStagedAsync(cancellationToken);

    /// <summary>Runs once the turn has committed (a cache of the answer): never for a turn rolled back.</summary>
    public void AfterCommit(Func<CancellationToken, ValueTask> action) => _afterCommit.Add(action);

    /// <summary>Saves everything staged in one SaveChanges and commits the transaction it belongs to.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await SaveStagedAsync(cancellationToken);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            LeaveWriter();
        }

        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            await action(cancellationToken);
        }
    }

    /// <summary>The text with the ticket numbers this turn's commit took in place of their placeholders (its replies).</summary>
    public string Resolve(string text) => numbers.Resolve(text);

    /// <summary>
    /// Everything the turn changed is found before the writer is entered (change detection, the placeholders' places);
    /// the held section is BEGIN, the numbers, the statements and (in <see cref="CommitAsync"/>) COMMIT.
    /// </summary>
    private async Task SaveStagedAsync(CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.HasChanges();
        if (!changed && !numbers.HasPending && db.Database.CurrentTransaction is null)
        {
            return;
        }

        var holders = numbers.Holders();
        await EnsureWriteAsync(cancellationToken);
        db.Committing = true;
        // HasChanges detected the changes; the numbers are set through the change tracker, so SaveChanges need not look again.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await numbers.TakeAsync(holders, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.Committing = false;
        }
    }

    /// <summary>Drops everything the turn staged or wrote (a ticket number taken goes back with the rest).</summary>
    public async Task RollbackAsync()
    {
        db.ChangeTracker.Clear();
        numbers.Forget();
        _afterCommit.Clear();
        if (db.Database.CurrentTransaction is { } transaction)
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await transaction.DisposeAsync();
            }
            finally
            {
                LeaveWriter();
            }
        }
    }

    private void LeaveWriter()
    {
        if (_writer)
        {
            _writer = false;
            writers.Leave();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        try
        {
            await RollbackAsync();
            await db.Database.CloseConnectionAsync();
        }
        finally
        {
            LeaveWriter();
            db.Owner = null;
        }
    }
}
