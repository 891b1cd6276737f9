using System.Globalization;
using GridBot.Dialogs.Announcements;
using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Demo;

/// <summary>The month's two announcements and who acknowledged them.</summary>
internal static class DemoAnnouncements
{
    public static AnnouncementDraft FireSafety(Member street) => new(
        "冬季消防安全提示",
        "天干物燥，请各位居民注意用火用电安全：\n1. 电动自行车请到集中充电点充电，严禁推进楼道、电梯或飞线充电；\n2. 出门前关好燃气阀门，不在阳台堆放易燃杂物；\n" +
        "3. 楼道、消防通道保持畅通，发现隐患请在群里告诉网格员。\n网格员本周会上门检查，请大家配合。",
        [street.Grid!.Code], RequireAck: true, ScheduleAtUtc: null, street.UserId, street.Name);

    public static AnnouncementDraft WaterCut(Member community, DateOnly day) => new(
        "计划停水通知",
        $"因供水管网改造，{day.ToString("M月d日", CultureInfo.InvariantCulture)} 9:00—17:00 {community.Grid!.Name}1—12号楼计划停水，请提前储水。" +
        "停水期间请关好水龙头，防止来水后跑水。如遇特殊困难（老人、病人用水），请联系本网格网格员。",
        [community.Grid.Code], RequireAck: true, ScheduleAtUtc: null, community.UserId, community.Name);

    /// <summary>
    /// About <paramref name="share"/> of the members the announcement reached say 收到, most within hours, some the next day;
    /// the rest never do, which is what 回执 rates and the low-ack reminder are for.
    /// </summary>
    public static async Task<IReadOnlyList<DemoAck>> AckersAsync(GridBotDbContext db, long announcementId, double share, CancellationToken cancellationToken)
    {
        var chats = await db.AnnouncementDeliveries.AsNoTracking().Where(d => d.AnnouncementId == announcementId)
            .Select(d => new { d.GridId, d.Chat!.Grid!.Path }).Distinct().ToListAsync(cancellationToken);
        var roots = chats.Select(c => c.Path).ToList();
        var members = (await db.Members.AsNoTracking().Select(m => new { m.Id, m.Grid!.Path }).ToListAsync(cancellationToken))
            .Where(m => roots.Any(r => GridScope.IsWithin(m.Path, r)))
            .OrderBy(m => m.Id).ToList();
        var random = new Random(DemoScript.Seed + (int)announcementId);
        var acks = new List<DemoAck>();
        foreach (var member in members)
        {
            if (random.NextDouble() >= share)
            {
                continue;
            }

            // The chat they said it in: the nearest reached grid above them (a micro-grid's liaison speaks in the grid's group).
            var chat = chats.Where(c => GridScope.IsWithin(member.Path, c.Path)).MaxBy(c => c.Path.Length)!;
            var minutes = random.NextDouble() < 0.8 ? random.Next(3, 240) : random.Next(600, 1800);
            acks.Add(new DemoAck(announcementId, member.Id, chat.GridId, TimeSpan.FromMinutes(minutes)));
        }

        return acks;
    }
}
