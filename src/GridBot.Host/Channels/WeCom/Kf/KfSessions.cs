using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>Finds or starts a resident's kf session, and binds the resident to the grid their link named.</summary>
internal static class KfSessions
{
    public static async Task<KfSession> GetOrAddAsync(GridBotDbContext db, string openKfid, string externalUserId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var session = await db.KfSessions.FirstOrDefaultAsync(s => s.OpenKfId == openKfid && s.ExternalUserId == externalUserId, cancellationToken);
        if (session is null)
        {
            session = new KfSession(openKfid, externalUserId, nowUtc);
            db.KfSessions.Add(session);
        }

        return session;
    }

    /// <summary>
    /// The resident becomes (or stays) a resident member of the grid on channel wecom-kf, so the core's identity step
    /// finds their grid in a private conversation. Entering through another grid's link moves them there: a person
    /// lives in one grid.
    /// </summary>
    /// <returns>True when a membership was added or moved (staged, not saved).</returns>
    public static async Task<bool> BindResidentAsync(GridBotDbContext db, string externalUserId, int gridId, CancellationToken cancellationToken)
    {
        var members = await db.Members.Where(m => m.Channel == KfChannel.Name && m.UserId == externalUserId).ToListAsync(cancellationToken);
        if (members.Any(m => m.GridId == gridId))
        {
            return false;
        }

        if (members.FirstOrDefault(m => m.Role == MemberRole.Resident) is { } resident)
        {
            resident.GridId = gridId;
            return true;
        }

        db.Members.Add(new Member { Channel = KfChannel.Name, UserId = externalUserId, Name = KfTexts.ResidentName, GridId = gridId, Role = MemberRole.Resident });
        return true;
    }
}
