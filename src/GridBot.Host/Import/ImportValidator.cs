using GridBot.Dialogs.Privacy;
using GridBot.Host.Channels.WeCom.Webhook;
using GridBot.Store.Grids;

namespace GridBot.Host.Import;

/// <summary>
/// Checks every row of a batch against the others and against the grids already stored, reporting every problem
/// (not just the first) so staff fix a file in one round. Only when the batch has no error is the plan usable.
/// </summary>
/// <param name="existingParents">Every stored grid code → its parent's code (null for a root).</param>
/// <param name="existingLevels">Every stored grid code → its level, for role words that depend on it (工作人员, 书记).</param>
internal sealed class ImportValidator(ImportBatch batch, IReadOnlyDictionary<string, string?> existingParents, IReadOnlyDictionary<string, GridLevel> existingLevels)
{
    private readonly HashSet<string> _fileCodes = new(StringComparer.Ordinal);

    // The file's own grids win over stored ones: a re-import may change a level.
    private readonly Dictionary<string, GridLevel> _levels = new(existingLevels, StringComparer.Ordinal);

    public ImportPlan Validate()
    {
        // Every code the files mention counts as known, even on a row with another error, so one bad row
        // does not drown the report in "grid not found" for everything beneath it.
        foreach (var row in batch.Rows.Where(r => r.Kind == ImportKind.Grids))
        {
            if (row[ImportFields.Code] is { } code)
            {
                _fileCodes.Add(code);
            }
        }

        var grids = ValidateGrids();
        new GridTreeCheck(batch, existingParents).Check(grids);
        return new ImportPlan(grids, ValidateChats(), ValidateMembers(), ValidateKnowledge());
    }

    private List<GridImport> ValidateGrids()
    {
        var grids = new List<GridImport>();
        var firstByCode = new Dictionary<string, ImportRow>(StringComparer.Ordinal);
        foreach (var row in RowsOf(ImportKind.Grids))
        {
            var ok = HasValidFields(row);
            var code = row[ImportFields.Code];
            var parent = row[ImportFields.Parent];
            if (code is not null)
            {
                if (code.Any(c => c == '/' || char.IsWhiteSpace(c) || char.IsControl(c)))
                {
                    // '/' delimits Grid.Path: a code holding one would corrupt every subtree query.
                    batch.Error(row, $"编码 '{code}' 不能包含 '/' 或空白字符");
                    ok = false;
                }

                if (firstByCode.TryGetValue(code, out var first))
                {
                    batch.Error(row, $"编码 '{code}' 重复（另见 {Locate(first)}）");
                    ok = false;
                }
                else
                {
                    firstByCode[code] = row;
                }
            }

            var level = default(GridLevel);
            if (row[ImportFields.Level] is { } levelText && !ImportValues.TryLevel(levelText, out level))
            {
                batch.Error(row, $"未知层级 '{levelText}'（可用：{ImportValues.LevelHint}）");
                ok = false;
            }
            else if (code is not null)
            {
                _levels[code] = level;
            }

            if (parent is not null)
            {
                if (parent == code)
                {
                    batch.Error(row, $"上级不能是自己 '{parent}'");
                    ok = false;
                }
                else if (!IsKnownGrid(parent))
                {
                    batch.Error(row, $"上级 '{parent}' 在导入文件和数据库中都不存在");
                    ok = false;
                }
            }

            if (ok)
            {
                grids.Add(new GridImport(row, code!, row[ImportFields.Name]!, level, parent));
            }
        }

        return grids;
    }

    private List<ChatImport> ValidateChats()
    {
        var chats = new List<ChatImport>();
        var firstByKey = new Dictionary<(string, string), ImportRow>();
        foreach (var row in RowsOf(ImportKind.Chats))
        {
            var ok = HasValidFields(row);
            var channel = row[ImportFields.Channel];
            var chatId = row[ImportFields.ChatId];
            ok &= CheckGrid(row);
            if (channel is not null && chatId is not null && !firstByKey.TryAdd((channel, chatId), row))
            {
                batch.Error(row, $"群 {channel}/{chatId} 重复（另见 {Locate(firstByKey[(channel, chatId)])}）");
                ok = false;
            }

            string? webhookKey = null;
            if (row[ImportFields.WebhookKey] is { } keyOrUrl)
            {
                // The value is a secret: messages name the column, never echo it.
                if (channel != WeComWebhookKey.Channel)
                {
                    batch.Error(row, "群机器人Key 只用于企业微信的群（渠道应为 wecom）");
                    ok = false;
                }
                else if (!WeComWebhookKey.TryParse(keyOrUrl, out webhookKey))
                {
                    batch.Error(row, "群机器人Key 格式不对：应为群机器人地址，或地址中 key= 后面那一串");
                    ok = false;
                }
            }

            if (ok)
            {
                chats.Add(new ChatImport(row, channel!, chatId!, row[ImportFields.Grid]!, row[ImportFields.Name]!, webhookKey));
            }
        }

        return chats;
    }

    private List<MemberImport> ValidateMembers()
    {
        var members = new List<MemberImport>();
        var firstByKey = new Dictionary<(string, string, string), ImportRow>();
        foreach (var row in RowsOf(ImportKind.Members))
        {
            var ok = HasValidFields(row);
            var channel = row[ImportFields.Channel];
            var userId = row[ImportFields.UserId];
            var grid = row[ImportFields.Grid];
            ok &= CheckGrid(row);
            if (row[ImportFields.Phone] is { } phone && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-'))
            {
                // The number is masked even here: reports get pasted into chats and tickets.
                batch.Error(row, $"手机号 '{PersonalDataMask.Phone(phone)}' 只能包含数字、+ 和 -");
                ok = false;
            }

            if (row[ImportFields.IdNumber] is { } idNumber && !idNumber.All(char.IsAsciiLetterOrDigit))
            {
                batch.Error(row, "身份证号只能包含数字和字母（在 Excel 中请把该列设为文本，否则 18 位号码会变成科学计数法）");
                ok = false;
            }

            var role = default(MemberRole);
            GridLevel? level = grid is not null && _levels.TryGetValue(grid, out var known) ? known : null;
            if (row[ImportFields.Role] is { } roleText && !ImportValues.TryRole(roleText, level, out role, out var refusal))
            {
                batch.Error(row, refusal ?? $"未知角色 '{roleText}'（可用：{ImportValues.RoleHint}）");
                ok = false;
            }

            if (channel is not null && userId is not null && grid is not null && !firstByKey.TryAdd((channel, userId, grid), row))
            {
                batch.Error(row, $"成员 {channel}/{userId} 在网格 '{grid}' 中重复（另见 {Locate(firstByKey[(channel, userId, grid)])}）");
                ok = false;
            }

            if (ok)
            {
                members.Add(new MemberImport(row, channel!, userId!, row[ImportFields.Name]!, row[ImportFields.Phone], row[ImportFields.IdNumber], grid!, role));
            }
        }

        return members;
    }

    private List<KnowledgeImport> ValidateKnowledge()
    {
        var entries = new List<KnowledgeImport>();
        var firstByKey = new Dictionary<(string, string), ImportRow>();
        foreach (var row in RowsOf(ImportKind.Knowledge))
        {
            var ok = HasValidFields(row);
            ok &= CheckGrid(row);
            var grid = row[ImportFields.Grid];
            var question = row[ImportFields.Question];
            if (grid is not null && question is not null && !firstByKey.TryAdd((grid, question), row))
            {
                batch.Error(row, $"问题“{question}”在网格 '{grid}' 中重复（另见 {Locate(firstByKey[(grid, question)])}）");
                ok = false;
            }

            if (ok)
            {
                entries.Add(new KnowledgeImport(row, grid!, question!, row[ImportFields.Answer]!, row[ImportFields.Keywords]));
            }
        }

        return entries;
    }

    /// <summary>Required fields present and every value within its column's length.</summary>
    private bool HasValidFields(ImportRow row)
    {
        var ok = true;
        foreach (var field in ImportFields.Of(row.Kind))
        {
            var value = row[field.Name];
            if (value is null)
            {
                if (field.Required)
                {
                    batch.Error(row, $"缺少必填字段 {field.Display}");
                    ok = false;
                }
            }
            else if (value.Length > field.MaxLength)
            {
                batch.Error(row, $"{field.Display}超过 {field.MaxLength} 个字符（实际 {value.Length} 个）");
                ok = false;
            }
        }

        return ok;
    }

    private bool CheckGrid(ImportRow row)
    {
        if (row[ImportFields.Grid] is { } grid && !IsKnownGrid(grid))
        {
            batch.Error(row, $"网格 '{grid}' 在导入文件和数据库中都不存在");
            return false;
        }

        return true;
    }

    private bool IsKnownGrid(string code) => _fileCodes.Contains(code) || existingParents.ContainsKey(code);

    private IEnumerable<ImportRow> RowsOf(ImportKind kind) => batch.Rows.Where(r => r.Kind == kind);

    private static string Locate(ImportRow row) =>
        row.Label is null ? $"{row.File} 第 {row.Line} 行" : $"{row.File} 第 {row.Line} 行 {row.Label}";
}
