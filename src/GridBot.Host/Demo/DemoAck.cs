using GridBot.Store;
using GridBot.Store.Announcements;

namespace GridBot.Host.Demo;

/// <summary>One member's 收到 to an announcement, some time after it went out, in the chat of their grid.</summary>
internal sealed record DemoAck(long AnnouncementId, int MemberId, int ChatGridId, TimeSpan After)
{
    /// <summary>Recorded as <c>AckRoute</c> records a 收到 said in a group (the words, not a quote).</summary>
    public Func<CancellationToken, Task> WriteAsync(IServiceScopeFactory scopes, HistoryClock clock) => async cancellationToken =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        db.AnnouncementAcks.Add(new AnnouncementAck { AnnouncementId = AnnouncementId, MemberId = MemberId, GridId = ChatGridId, Via = AnnouncementAckVia.Words, AtUtc = clock.NowUtc });
        await db.SaveChangesAsync(cancellationToken);
    };
}
