namespace GridBot.Host.Import;

/// <summary>
/// What CSV files and worksheets share: a header row names the columns (English or Chinese), the header decides
/// the kind, and each later row becomes an <see cref="ImportRow"/> keyed by canonical field.
/// </summary>
internal static class TabularImportReader
{
    /// <summary>Maps header cells to canonical fields, or reports why the header is unusable and returns null.</summary>
    public static (ImportKind Kind, string?[] Columns)? ReadHeader(string file, int line, IReadOnlyList<string> cells, ImportKind? expected, ImportBatch batch)
    {
        var columns = new string?[cells.Count];
        var ok = true;
        for (var i = 0; i < cells.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(cells[i]))
            {
                continue;
            }

            var canonical = ImportFields.Canonical(cells[i]);
            if (canonical is null)
            {
                batch.Error(file, line, $"表头第 {i + 1} 列 '{cells[i].Trim()}' 不是可识别的列名");
                ok = false;
            }
            else if (columns.Contains(canonical))
            {
                batch.Error(file, line, $"表头中 '{cells[i].Trim()}' 与前面的列重复");
                ok = false;
            }
            else
            {
                columns[i] = canonical;
            }
        }

        var present = columns.OfType<string>().ToList();
        var kind = expected ?? ImportFields.KindOf(present);
        if (kind is null)
        {
            batch.Error(file, line, "无法从表头判断内容：网格需要 code（编码）列，群需要 chatId（群ID）列，成员需要 userId（用户ID）列，知识库需要 question（问题）列");
            return null;
        }

        foreach (var name in present.Where(n => ImportFields.Find(kind.Value, n) is null))
        {
            batch.Error(file, line, $"列 '{name}' 不属于{KindName(kind.Value)}（应为 {ImportFields.Describe(kind.Value)}）");
            ok = false;
        }

        foreach (var spec in ImportFields.Of(kind.Value).Where(f => f.Required && !present.Contains(f.Name)))
        {
            batch.Error(file, line, $"表头缺少必需的列 {spec.Display}");
            ok = false;
        }

        return ok ? (kind.Value, columns) : null;
    }

    /// <summary>Turns one data row into an <see cref="ImportRow"/>; blank rows (Excel leaves many) are skipped.</summary>
    public static void ReadRow(string file, int line, ImportKind kind, string?[] columns, IReadOnlyList<string> cells, ImportBatch batch)
    {
        if (cells.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        // Trailing empty cells beyond the header are harmless (spreadsheets add them); real extra data is not.
        if (cells.Skip(columns.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
        {
            batch.Error(file, line, $"表头只有 {columns.Length} 列，但此行在表头之外还有数据（字段中的逗号要放在引号内）");
            return;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is { } column)
            {
                values[column] = i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
            }
        }

        batch.Add(new ImportRow(kind, file, line, null, values));
    }

    public static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.Grids => "网格",
        ImportKind.Chats => "群",
        ImportKind.Knowledge => "知识库",
        _ => "成员",
    };
}
