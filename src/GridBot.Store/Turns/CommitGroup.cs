using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridBot.Store.Turns;

/// <summary>
/// Group commit for SQLite's one writer. A turn's commit queues in <see cref="WriterGate"/>; the turn that gets the
/// writer takes the turns' commits queued behind it at that moment (at most <see cref="MaxTurns"/> in all; it waits for
/// no one, so a lone turn is not delayed) and writes them in one transaction on its own connection: BEGIN IMMEDIATE, then
/// per turn a savepoint, its ticket numbers and its statements, then one COMMIT. A turn whose numbers or statements fail
/// (a refused write, the dedup key met at commit) is rolled back to its savepoint and fails alone; the numbers of the
/// turns after it continue from where it would have started, so they stay gapless and in commit order. Every turn's
/// <see cref="TurnTransaction.CommitAsync"/> returns only after the shared COMMIT; if that fails, every turn of the
/// group fails with it and rolls back. The lock is handed on once per group instead of once per turn, and the group
/// pays one BEGIN and one COMMIT.
/// </summary>
internal static class CommitGroup
{
    /// <summary>The most turns one transaction writes: bounds the work a turn in it waits for behind the others.</summary>
    public const int MaxTurns = 16;

    private const string Savepoint = "turn";

    public static async Task CommitAsync(TurnTransaction turn, WriterGate writers, CancellationToken cancellationToken)
    {
        var seat = await writers.JoinAsync(turn, cancellationToken);
        if (seat == WriterGate.Seat.Joined)
        {
            // The holder works on this turn's context now: the turn waits for the group's end, whatever its token says.
            await turn.WrittenTask;
            return;
        }

        // A turn that waited past the gate's MaxWait goes on to SQLite alone, as a writer without the gate would.
        var entered = seat == WriterGate.Seat.Writer;
        List<TurnTransaction> group = [turn, .. entered ? writers.TakeJoiners(MaxTurns - 1) : []];
        Exception?[] failures;
        try
        {
            failures = await WriteAsync(group);
        }
        finally
        {
            if (entered)
            {
                writers.Leave();
            }
        }

        writers.CountGroup();
        for (var i = 1; i < group.Count; i++)
        {
            group[i].Written(failures[i]);
        }

        if (failures[0] is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Writes the group in one transaction; what each turn failed with (null: committed).</summary>
    private static async Task<Exception?[]> WriteAsync(List<TurnTransaction> group)
    {
        var failures = new Exception?[group.Count];
        // Alone, the turn's transaction is its savepoint.
        var savepoints = group.Count > 1;
        try
        {
            await using var transaction = await group[0].BeginGroupAsync();
            for (var i = 0; i < group.Count; i++)
            {
                if (savepoints)
                {
                    await transaction.CreateSavepointAsync(Savepoint, CancellationToken.None);
                }

                try
                {
                    await group[i].WriteInGroupAsync(transaction.GetDbTransaction());
                }
                catch (Exception ex) when (savepoints)
                {
                    failures[i] = ex;
                    await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                }

                if (savepoints)
                {
                    await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
                }
            }

            if (Array.TrueForAll(failures, f => f is not null))
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            else
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // BEGIN, COMMIT or a savepoint failed (or a lone turn's statements): nothing of the group stays, the
            // transaction's dispose rolled it back. Every turn fails; one that failed at its own statements keeps that.
            for (var i = 0; i < failures.Length; i++)
            {
                failures[i] ??= ex;
            }
        }

        return failures;
    }
}
