using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Turns;

/// <summary>
/// The one owner of a turn's unit of work: it holds the turn's connection, begins the write transaction when the first
/// write that must share it asks (<see cref="EnsureWriteAsync"/>: the ticket number), saves everything the turn staged
/// (tickets, events, dialog state, processed-activity mark, replies, outbox rows) in one SaveChanges, commits, and rolls
/// back on failure or when the turn ends without committing. While a turn owns the DbContext, any other SaveChanges
/// throws, so no feature can commit half a turn. Also the unit of work of writes outside a turn that take a ticket
/// number (Open311). Its write transaction is begun in turn with this host's other turns (<see cref="WriterGate"/>).
/// </summary>
public sealed class TurnTransaction(GridBotDbContext db, WriterGate writers) : IAsyncDisposable
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
    /// Begins the turn's write transaction if it is not begun yet. Late on purpose: on SQLite the write lock is taken
    /// here, so a turn's reads (identity, dialog state, understanding) do not queue behind other turns' commits.
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
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await EnsureWriteAsync(cancellationToken);
        db.Committing = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Committing = false;
        }
    }

    /// <summary>Runs once the turn has committed (a cache of the answer): never for a turn rolled back.</summary>
    public void AfterCommit(Func<CancellationToken, ValueTask> action) => _afterCommit.Add(action);

    /// <summary>Saves everything staged in one SaveChanges and commits the transaction it belongs to.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null && db.ChangeTracker.HasChanges())
        {
            // A turn that took no ticket number writes here first: it queues for the writer like the others.
            await EnsureWriteAsync(cancellationToken);
        }

        db.Committing = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                LeaveWriter();
            }
        }
        finally
        {
            db.Committing = false;
        }

        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            await action(cancellationToken);
        }
    }

    /// <summary>Drops everything the turn staged or wrote (a ticket number taken goes back with the rest).</summary>
    public async Task RollbackAsync()
    {
        db.ChangeTracker.Clear();
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
