using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Demo;

/// <summary>A person of the demo as the tickets' history names them.</summary>
internal sealed record DemoPerson(string UserId, string Name);

/// <summary>A demo grid with a group chat: who leads it, who works it, who lives there, and the community above it.</summary>
internal sealed record DemoGridCast(int GridId, string Code, string ChatId, int CommunityId, DemoPerson Leader, DemoPerson Worker, DemoPerson CommunityStaff, IReadOnlyList<DemoPerson> Residents, IReadOnlyList<(int GridId, DemoPerson Liaison)> MicroGrids);

/// <summary>
/// The people of the history, read from the imported demo grids. Residents are not in the import (they become members
/// the first time they speak in a group, as <c>IdentityResolver</c> makes them); the history adds the ones who spoke.
/// </summary>
internal static class DemoCast
{
    private static readonly string[] ResidentNames =
    [
        "张阿姨", "刘大爷", "陈女士", "王先生", "赵阿姨", "周先生", "吴女士", "郑大爷", "冯女士", "许先生", "何阿姨", "老杨",
        "曹女士", "袁先生", "邓阿姨", "蒋大爷", "沈女士", "韩先生", "唐阿姨", "小彭", "潘女士", "田先生", "董阿姨", "小萧",
    ];

    public static async Task<IReadOnlyList<DemoGridCast>> LoadAsync(GridBotDbContext db, string channel, CancellationToken cancellationToken)
    {
        var grids = await db.Grids.AsNoTracking().ToListAsync(cancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => m.Channel == channel).ToListAsync(cancellationToken);
        var chats = await db.Chats.AsNoTracking().Where(c => c.Channel == channel).ToListAsync(cancellationToken);
        var cast = new List<DemoGridCast>();
        var names = 0;
        foreach (var chat in chats.OrderBy(c => c.ChatId, StringComparer.Ordinal))
        {
            var grid = grids.Single(g => g.Id == chat.GridId);
            var leader = members.FirstOrDefault(m => m.GridId == grid.Id && m.Role == MemberRole.Leader);
            var worker = members.FirstOrDefault(m => m.GridId == grid.Id && m.Role == MemberRole.Worker);
            var community = grids.FirstOrDefault(g => g.Level == GridLevel.Community && GridScope.IsWithin(grid.Path, g.Path));
            var staff = community is null ? null : members.FirstOrDefault(m => m.GridId == community.Id && m.Role == MemberRole.CommunityStaff);
            if (grid.Level != GridLevel.Grid || leader is null || worker is null || staff is null)
            {
                continue;
            }

            var residents = new List<DemoPerson>();
            for (var i = 1; i <= 3; i++)
            {
                var resident = new Member
                {
                    Channel = channel, UserId = $"resident-{chat.ChatId}-{i}", Name = ResidentNames[names++ % ResidentNames.Length],
                    GridId = grid.Id, Role = MemberRole.Resident,
                };
                db.Members.Add(resident);
                residents.Add(new DemoPerson(resident.UserId, resident.Name));
            }

            var micro = grids.Where(g => g.Level == GridLevel.MicroGrid && GridScope.IsWithin(g.Path, grid.Path))
                .SelectMany(g => members.Where(m => m.GridId == g.Id && m.Role == MemberRole.Liaison).Take(1).Select(m => (g.Id, new DemoPerson(m.UserId, m.Name))))
                .ToList();
            cast.Add(new DemoGridCast(grid.Id, grid.Code, chat.ChatId, community!.Id, Person(leader), Person(worker), Person(staff), residents, micro));
        }

        await db.SaveChangesAsync(cancellationToken);
        return cast;
    }

    private static DemoPerson Person(Member member) => new(member.UserId, member.Name);
}
