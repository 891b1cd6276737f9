using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Kf;

/// <summary>
/// Spending one of a session's replies, as one conditional UPDATE: senders on several hosts read the session
/// untracked and race for its last reply, and only the update whose condition still holds (the bot holds the session,
/// the same customer message, its 48 h not over, a reply left) takes one.
/// </summary>
public static class KfReplyBudget
{
    /// <returns>True when a reply was taken; false when the session changed since <paramref name="session"/> was read.</returns>
    public static async Task<bool> TakeReplyAsync(this DbSet<KfSession> sessions, KfSession session, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var last = session.LastCustomerMessageUtc;
        var windowStart = nowUtc - KfSession.ReplyWindow;
        return await sessions
            .Where(s => s.Id == session.Id && s.ServiceState == KfServiceState.Bot && s.LastCustomerMessageUtc == last
                && s.LastCustomerMessageUtc >= windowStart && s.RepliesLeft > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RepliesLeft, x => x.RepliesLeft - 1), cancellationToken) == 1;
    }
}
