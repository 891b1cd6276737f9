using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Tests.Outbox;

/// <summary>
/// An outbox row leaves Pending once: a cancel of a finished row throws, and a move of a finished row (the
/// dispatcher's conditional updates) moves nothing.
/// </summary>
public sealed class OutboxGuardTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ASentRowIsNeitherClaimedNorMovedAgain()
    {
        var ct = TestTimeout.Token;
        await using var database = await StoreDatabase.CreateAsync(ct);
        var id = await EnqueueAsync(database, ct);
        await using var db = database.Open();
        var row = db.Outbox.Where(o => o.Id == id);

        Assert.Equal(1, await row.MarkSentAsync(Now, ct));
        Assert.Equal(0, await row.MarkSentAsync(Now.AddMinutes(1), ct));
        Assert.Equal(0, await row.LeaseAsync(Now.AddMinutes(1), Guid.NewGuid(), Now.AddMinutes(2), ct));
        Assert.Equal(0, await row.RetryAsync(Now.AddMinutes(1), "502", ct));
        Assert.Equal(0, await row.PostponeAsync(Now.AddMinutes(1), ct));
        Assert.Equal(0, await row.FailAsync("errcode 40008", ct));

        var sent = await row.AsNoTracking().SingleAsync(ct);
        Assert.Equal((OutboxStatus.Sent, 1, Now, (string?)null, (Guid?)null), (sent.Status, sent.Attempts, sent.SentUtc, sent.LastError, sent.LeaseId));
    }

    [Fact]
    public async Task ARowIsClaimedOnlyWhenDueAndOnlyOnce()
    {
        var ct = TestTimeout.Token;
        await using var database = await StoreDatabase.CreateAsync(ct);
        var id = await EnqueueAsync(database, ct);
        await using var db = database.Open();
        var row = db.Outbox.Where(o => o.Id == id);

        Assert.Equal(0, await row.LeaseAsync(Now.AddSeconds(-1), Guid.NewGuid(), Now.AddMinutes(1), ct));
        var lease = Guid.NewGuid();
        Assert.Equal(1, await row.LeaseAsync(Now, lease, Now.AddMinutes(1), ct));
        // A second dispatcher at the same moment finds the row due only at the lease's end.
        Assert.Equal(0, await row.LeaseAsync(Now, Guid.NewGuid(), Now.AddMinutes(1), ct));

        var claimed = await row.AsNoTracking().SingleAsync(ct);
        Assert.Equal((lease, Now.AddMinutes(1)), (claimed.LeaseId, claimed.NextAttemptUtc));
    }

    [Fact]
    public async Task AFailedRowIsOverForEveryMove()
    {
        var ct = TestTimeout.Token;
        await using var database = await StoreDatabase.CreateAsync(ct);
        var id = await EnqueueAsync(database, ct);
        await using var db = database.Open();
        var row = db.Outbox.Where(o => o.Id == id);

        Assert.Equal(1, await row.FailAsync(new string('x', 600), ct));
        Assert.Equal(0, await row.MarkSentAsync(Now, ct));
        Assert.Equal(0, await row.RetryAsync(Now, "502", ct));
        Assert.Equal(0, await row.LeaseAsync(Now, Guid.NewGuid(), Now.AddMinutes(1), ct));

        var failed = await row.AsNoTracking().SingleAsync(ct);
        Assert.Equal((OutboxStatus.Failed, 1, OutboxMessage.MaxErrorLength), (failed.Status, failed.Attempts, failed.LastError!.Length));
    }

    [Fact]
    public async Task CancellingAFinishedRowThrowsAndChangesNothing()
    {
        var ct = TestTimeout.Token;
        await using var database = await StoreDatabase.CreateAsync(ct);
        var id = await EnqueueAsync(database, ct);
        await using (var db = database.Open())
        {
            var row = await db.Outbox.SingleAsync(o => o.Id == id, ct);
            row.Cancel("公告已撤回");
            Assert.Throws<InvalidOperationException>(() => row.Cancel("公告已撤回"));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.Open())
        {
            Assert.Equal(0, await db.Outbox.Where(o => o.Id == id).MarkSentAsync(Now, ct));
            var row = await db.Outbox.SingleAsync(o => o.Id == id, ct);
            Assert.Equal((OutboxStatus.Failed, "公告已撤回"), (row.Status, row.LastError));
        }

        await using (var db = database.Open())
        {
            var sentId = await EnqueueAsync(database, ct);
            await db.Outbox.Where(o => o.Id == sentId).MarkSentAsync(Now, ct);
            var sent = await db.Outbox.SingleAsync(o => o.Id == sentId, ct);
            Assert.Throws<InvalidOperationException>(() => sent.Cancel("公告已撤回"));
            Assert.Equal(OutboxStatus.Sent, sent.Status);
        }
    }

    [Fact]
    public void OnlyTheQueueMakesARowAndNothingOutsideItsMethodsChangesOne()
    {
        Assert.Empty(typeof(OutboxMessage).GetConstructors());
        Assert.Empty(typeof(OutboxMessage).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name));
    }

    private static async Task<long> EnqueueAsync(StoreDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var row = db.Outbox.Enqueue("wecom", "chat-1", "明天上午停水", Now);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }
}
