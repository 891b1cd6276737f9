using System.Data.Common;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridBot.Store.Turns;

/// <summary>
/// The one owner of a turn's unit of work: it holds the turn's connection and, only at commit, enters the writer's queue
/// (<see cref="WriterGate"/>; on SQLite its commit may be written in one transaction with others', <see cref="CommitGroup"/>),
/// begins the write transaction, takes the turn's ticket numbers
/// (<see cref="TicketNumberAllocator"/>: they replace the placeholders the turn wrote), saves everything the turn staged
/// (tickets, events, dialog state, processed-activity mark, replies, outbox rows) in one SaveChanges and commits; it rolls
/// back on failure or when the turn ends without committing. While a turn owns the DbContext, any other SaveChanges
/// throws, so no feature can commit half a turn. Also the unit of work of writes outside a turn that take a ticket
/// number (Open311, the demo's history).
/// </summary>
public sealed class TurnTransaction(GridBotDbContext db, WriterGate writers, TicketNumberAllocator numbers) : IAsyncDisposable
{
    private readonly List<Func<CancellationToken, ValueTask>> _afterCommit = [];
    private IReadOnlyList<PropertyEntry> _holders = [];
    private TaskCompletionSource? _written;
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

    /// <summary>
    /// Saves everything staged in one SaveChanges and commits. On SQLite a turn that began nothing early joins the
    /// writer's queue (<see cref="CommitGroup"/>): the holder writes it, under its own savepoint, in one transaction with
    /// the turns queued behind it, and this returns once that transaction committed, or throws this turn's failure (its
    /// own statements' or the shared COMMIT's). Otherwise (PostgreSQL, or a transaction begun early) it commits its own.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (writers.GroupsCommits && db.Database.CurrentTransaction is null)
        {
            if (db.ChangeTracker.HasChanges() || numbers.HasPending)
            {
                _holders = numbers.Holders();
                _written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await CommitGroup.CommitAsync(this, writers, cancellationToken);
            }
        }
        else
        {
            await SaveStagedAsync(cancellationToken);
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                LeaveWriter();
            }
        }

        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            await action(cancellationToken);
        }
    }

    /// <summary>For the group's holder: begins the group's write transaction on this turn's connection.</summary>
    internal Task<IDbContextTransaction> BeginGroupAsync() => db.Database.BeginTransactionAsync(CancellationToken.None);

    /// <summary>
    /// Inside a group's transaction: takes this turn's numbers and saves what it staged. A turn that is not the holder
    /// has its context moved onto the holder's connection and transaction for that, and back to its own connection string
    /// after (opened again only if the turn reads once more). The holder's own token does not cancel another's write.
    /// </summary>
    internal async Task WriteInGroupAsync(DbTransaction group)
    {
        var database = db.Database;
        var joined = !ReferenceEquals(database.GetDbConnection(), group.Connection);
        var connectionString = database.GetConnectionString();
        if (joined)
        {
            await database.CloseConnectionAsync();
            database.SetDbConnection(group.Connection, contextOwnsConnection: false);
            await database.UseTransactionAsync(group, CancellationToken.None);
        }

        try
        {
            await SaveHeldAsync(_holders, CancellationToken.None);
        }
        finally
        {
            if (joined)
            {
                await database.UseTransactionAsync(null, CancellationToken.None);
                database.SetDbConnection(null, contextOwnsConnection: true);
                database.SetConnectionString(connectionString);
            }
        }
    }

    /// <summary>The holder wrote this turn's group: null once the shared COMMIT succeeded, else why this turn failed.</summary>
    internal void Written(Exception? failure)
    {
        if (failure is null)
        {
            _written!.TrySetResult();
        }
        else
        {
            _written!.TrySetException(failure);
        }
    }

    /// <summary>A turn taken into another's group waits for that group's outcome (see <see cref="Written"/>).</summary>
    internal Task WrittenTask => _written!.Task;

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
        await SaveHeldAsync(holders, cancellationToken);
    }

    /// <summary>Inside the write transaction: the numbers, then the statements.</summary>
    private async Task SaveHeldAsync(IReadOnlyList<PropertyEntry> holders, CancellationToken cancellationToken)
    {
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
