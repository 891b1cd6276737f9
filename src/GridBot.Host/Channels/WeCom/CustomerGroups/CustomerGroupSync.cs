using System.Text.RegularExpressions;
using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Store;
using GridBot.Store.CustomerGroups;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.CustomerGroups;

/// <summary>
/// <c>wecom sync-groups</c>: lists the customer groups owned by GridBot's WeCom staff (groupchat/list, owner filter of
/// ≤ 100 userids, cursor paging), reads each one (groupchat/get), binds it to a grid by the first matching name rule
/// or else by its owner's grid, and records its head counts. Rows are found by chat_id, so a re-run updates.
/// </summary>
internal sealed class CustomerGroupSync(GridBotDbContext db, CustomerGroupClient client, IOptions<CustomerGroupOptions> options, TimeProvider time)
{
    public async Task<CustomerGroupSyncReport> SyncAsync(CancellationToken cancellationToken)
    {
        var report = new CustomerGroupSyncReport();
        var ownerGrids = await OwnerGridsAsync(cancellationToken);
        var rules = await RulesAsync(cancellationToken);
        var chats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var owners in ownerGrids.Keys.Order(StringComparer.Ordinal).Chunk(GroupChatListRequest.MaxOwners))
        {
            string? cursor = null;
            do
            {
                var page = await client.ListAsync(new GroupChatListRequest { OwnerFilter = new OwnerFilter { UseridList = [.. owners] }, Cursor = cursor }, cancellationToken);
                if (page.Errcode != 0)
                {
                    report.Problems.Add($"groupchat/list errcode {page.Errcode}");
                    break;
                }

                foreach (var chat in page.GroupChatList)
                {
                    chats[chat.ChatId] = chat.Status;
                }

                cursor = page.NextCursor;
            }
            while (!string.IsNullOrEmpty(cursor));
        }

        var known = await db.CustomerGroups.ToDictionaryAsync(g => g.ChatId, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (chatId, status) in chats)
        {
            var answer = await client.GetAsync(chatId, cancellationToken);
            if (answer is not { Errcode: 0, GroupChat: { } detail })
            {
                report.Problems.Add($"groupchat/get {chatId} errcode {answer.Errcode}");
                continue;
            }

            if (!known.TryGetValue(chatId, out var group))
            {
                group = new CustomerGroup { ChatId = chatId, Name = "", OwnerUserId = "" };
                db.CustomerGroups.Add(group);
                report.Created++;
            }
            else
            {
                report.Updated++;
            }

            group.Name = Trim(detail.Name ?? "", 128);
            group.OwnerUserId = detail.Owner ?? "";
            group.Status = status;
            group.MemberCount = detail.MemberList.Count;
            group.ResidentCount = detail.MemberList.Count(m => m.Type == GroupChatMember.External);
            group.GridId = rules.FirstOrDefault(r => r.Pattern.IsMatch(group.Name)).GridId
                ?? (ownerGrids.TryGetValue(group.OwnerUserId, out var gridId) ? gridId : null);
            group.SyncedUtc = now;
            if (group.GridId is null)
            {
                report.Unbound.Add($"{group.Name}（{chatId}，群主 {group.OwnerUserId}）");
            }
            else
            {
                report.Bound++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Every WeCom staff member and the most specific grid they work in: an owner's groups belong there.</summary>
    private async Task<Dictionary<string, int?>> OwnerGridsAsync(CancellationToken cancellationToken)
    {
        var staff = await db.Members.AsNoTracking()
            .Where(m => m.Channel == WeComWebhookKey.Channel && m.Role != MemberRole.Resident)
            .Select(m => new { m.UserId, m.GridId, m.Grid!.Path })
            .ToListAsync(cancellationToken);
        return staff.GroupBy(m => m.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (int?)g.MaxBy(m => m.Path.Length)!.GridId, StringComparer.Ordinal);
    }

    private async Task<List<(Regex Pattern, int? GridId)>> RulesAsync(CancellationToken cancellationToken)
    {
        var rules = options.Value.NameRules;
        var codes = rules.Select(r => r.Grid).ToList();
        var grids = await db.Grids.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Id, cancellationToken);
        return [.. rules.Where(r => grids.ContainsKey(r.Grid))
            .Select(r => (new Regex(r.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), (int?)grids[r.Grid]))];
    }

    private static string Trim(string text, int max) => text.Length > max ? text[..max] : text;
}
