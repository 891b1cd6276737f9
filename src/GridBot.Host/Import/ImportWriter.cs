using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Import;

/// <summary>
/// Upserts a checked plan into tracked entities; the caller owns the transaction and nothing is saved until every
/// row is applied. Rows equal to what is stored are left untouched, which is what makes a re-import a no-op.
/// </summary>
/// <param name="grids">Every stored grid, tracked: moving one grid re-paths its whole subtree, so the whole tree is needed.</param>
internal sealed class ImportWriter(GridBotDbContext db, List<Grid> grids)
{
    private readonly Dictionary<string, Grid> _byCode = grids.ToDictionary(g => g.Code, StringComparer.Ordinal);
    private readonly Dictionary<int, string> _codeOfId = grids.ToDictionary(g => g.Id, g => g.Code);

    public async Task<ImportWriteResult> WriteAsync(ImportPlan plan, CancellationToken cancellationToken)
    {
        var gridCounts = WriteGrids(plan.Grids);
        var pathsChanged = RecomputePaths();
        var chatCounts = await WriteChatsAsync(plan.Chats, cancellationToken);
        var memberCounts = await WriteMembersAsync(plan.Members, cancellationToken);
        var knowledgeCounts = await WriteKnowledgeAsync(plan.Knowledge, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportWriteResult(gridCounts, chatCounts, memberCounts, knowledgeCounts, pathsChanged);
    }

    private ImportCounts WriteGrids(IReadOnlyList<GridImport> rows)
    {
        var counter = new ImportCounter();
        foreach (var row in rows)
        {
            if (_byCode.TryGetValue(row.Code, out var grid))
            {
                var parentCode = grid.ParentId is { } parentId ? _codeOfId[parentId] : null;
                counter.Existing(grid.Name != row.Name || grid.Level != row.Level || parentCode != row.ParentCode);
                grid.Name = row.Name;
                grid.Level = row.Level;
            }
            else
            {
                grid = new Grid { Code = row.Code, Name = row.Name, Level = row.Level, Path = "" };
                db.Grids.Add(grid);
                _byCode[row.Code] = grid;
                counter.New();
            }
        }

        // Parents are linked in a second pass so a child may come before its parent in the file;
        // EF orders the INSERTs by the self-reference.
        foreach (var row in rows)
        {
            var grid = _byCode[row.Code];
            var parent = row.ParentCode is null ? null : _byCode[row.ParentCode];
            grid.Parent = parent;
            if (parent is null)
            {
                grid.ParentId = null;
            }
        }

        return counter.ToCounts();
    }

    /// <summary>Recomputes every Path from the parent links, so a moved grid's descendants follow it.</summary>
    private int RecomputePaths()
    {
        var paths = new Dictionary<Grid, string>(ReferenceEqualityComparer.Instance);
        var changed = 0;
        foreach (var grid in _byCode.Values)
        {
            var pending = new Stack<Grid>();
            for (var current = grid; current is not null && !paths.ContainsKey(current); current = current.Parent)
            {
                pending.Push(current);
            }

            while (pending.TryPop(out var next))
            {
                var path = Grid.PathOf(next.Parent is null ? null : paths[next.Parent], next.Code);
                paths[next] = path;
                if (next.Path != path)
                {
                    changed += next.Id > 0 ? 1 : 0;
                    next.Path = path;
                }
            }
        }

        return changed;
    }

    private async Task<ImportCounts> WriteChatsAsync(IReadOnlyList<ChatImport> rows, CancellationToken cancellationToken)
    {
        var chatIds = rows.Select(r => r.ChatId).Distinct().ToList();
        var stored = await db.Chats.Where(c => chatIds.Contains(c.ChatId)).ToListAsync(cancellationToken);
        var byKey = stored.ToDictionary(c => (c.Channel, c.ChatId));
        var counter = new ImportCounter();
        foreach (var row in rows)
        {
            var grid = _byCode[row.GridCode];
            if (byKey.TryGetValue((row.Channel, row.ChatId), out var chat))
            {
                var moved = _codeOfId.GetValueOrDefault(chat.GridId) != row.GridCode;
                var newKey = row.WebhookKey is not null && row.WebhookKey != chat.WebhookKey;
                counter.Existing(moved || newKey || chat.Name != row.Name);
                chat.Name = row.Name;

                // A row without a key keeps the stored one: re-importing a roster must not silence a group's robot.
                chat.WebhookKey = row.WebhookKey ?? chat.WebhookKey;
                if (moved)
                {
                    chat.Grid = grid;
                }
            }
            else
            {
                db.Chats.Add(new Chat { Channel = row.Channel, ChatId = row.ChatId, Name = row.Name, Grid = grid, WebhookKey = row.WebhookKey });
                counter.New();
            }
        }

        return counter.ToCounts();
    }

    /// <summary>Keyed by grid and question: a re-import updates the answer and keywords of a question already stored.</summary>
    private async Task<ImportCounts> WriteKnowledgeAsync(IReadOnlyList<KnowledgeImport> rows, CancellationToken cancellationToken)
    {
        var gridIds = rows.Select(r => _byCode[r.GridCode].Id).Where(id => id > 0).Distinct().ToList();
        var stored = await db.KnowledgeEntries.Where(e => gridIds.Contains(e.GridId)).ToListAsync(cancellationToken);
        var byKey = stored.ToDictionary(e => (_codeOfId[e.GridId], e.Question));
        var now = DateTime.UtcNow;
        var counter = new ImportCounter();
        foreach (var row in rows)
        {
            if (byKey.TryGetValue((row.GridCode, row.Question), out var entry))
            {
                var changed = entry.Answer != row.Answer || entry.Keywords != row.Keywords;
                counter.Existing(changed);
                if (changed)
                {
                    entry.Answer = row.Answer;
                    entry.Keywords = row.Keywords;
                    entry.UpdatedUtc = now;
                }
            }
            else
            {
                db.KnowledgeEntries.Add(new KnowledgeEntry { Grid = _byCode[row.GridCode], Question = row.Question, Answer = row.Answer, Keywords = row.Keywords, UpdatedUtc = now });
                counter.New();
            }
        }

        return counter.ToCounts();
    }

    private async Task<ImportCounts> WriteMembersAsync(IReadOnlyList<MemberImport> rows, CancellationToken cancellationToken)
    {
        // Members are keyed per grid, so only the grids this import touches are loaded, never the whole roster.
        var gridIds = rows.Select(r => _byCode[r.GridCode].Id).Where(id => id > 0).Distinct().ToList();
        var stored = await db.Members.Where(m => gridIds.Contains(m.GridId)).ToListAsync(cancellationToken);
        var byKey = stored.ToDictionary(m => (m.Channel, m.UserId, _codeOfId[m.GridId]));
        var counter = new ImportCounter();
        foreach (var row in rows)
        {
            if (byKey.TryGetValue((row.Channel, row.UserId, row.GridCode), out var member))
            {
                // A blank phone or ID number keeps the stored one: an import never erases personal data by omission.
                var phone = row.Phone ?? member.Phone;
                var idNumber = row.IdNumber ?? member.IdNumber;
                counter.Existing(member.Name != row.Name || member.Role != row.Role || member.Phone != phone || member.IdNumber != idNumber);
                member.Name = row.Name;
                member.Role = row.Role;
                member.Phone = phone;
                member.IdNumber = idNumber;
            }
            else
            {
                db.Members.Add(new Member
                {
                    Channel = row.Channel,
                    UserId = row.UserId,
                    Name = row.Name,
                    Phone = row.Phone,
                    IdNumber = row.IdNumber,
                    Role = row.Role,
                    Grid = _byCode[row.GridCode],
                });
                counter.New();
            }
        }

        return counter.ToCounts();
    }
}
