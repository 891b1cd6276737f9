namespace GridBot.Host.Import;

/// <summary>
/// Checks the tree the import would leave behind (stored grids with the imported parents laid over them):
/// no cycle, and no Path longer than its column. Lengths, not strings, are memoised so a hostile chain
/// of ten thousand levels costs linear memory.
/// </summary>
internal sealed class GridTreeCheck(ImportBatch batch, IReadOnlyDictionary<string, string?> existingParents)
{
    public void Check(IReadOnlyList<GridImport> grids)
    {
        var parents = new Dictionary<string, string?>(existingParents, StringComparer.Ordinal);
        var imported = new Dictionary<string, GridImport>(StringComparer.Ordinal);
        foreach (var grid in grids)
        {
            parents[grid.Code] = grid.ParentCode;
            imported[grid.Code] = grid;
        }

        if (!FindCycles(grids, parents, imported))
        {
            CheckPathLengths(parents, imported);
        }
    }

    private bool FindCycles(IReadOnlyList<GridImport> grids, Dictionary<string, string?> parents, Dictionary<string, GridImport> imported)
    {
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var found = false;
        foreach (var grid in grids)
        {
            var chain = new List<string>();
            var onChain = new HashSet<string>(StringComparer.Ordinal);
            string? current = grid.Code;
            while (current is not null && !finished.Contains(current) && onChain.Add(current))
            {
                chain.Add(current);
                current = parents.GetValueOrDefault(current);
            }

            if (current is not null && onChain.Contains(current) && !finished.Contains(current))
            {
                var cycle = chain[chain.IndexOf(current)..];
                // The stored tree has no cycle, so at least one imported row closes this one: blame the first such row.
                var culprit = grids.First(g => cycle.Contains(g.Code));
                batch.Error(culprit.Source, $"上级关系形成循环：{string.Join(" → ", cycle)} → {current}");
                found = true;
            }

            finished.UnionWith(chain);
        }

        return found;
    }

    private void CheckPathLengths(Dictionary<string, string?> parents, Dictionary<string, GridImport> imported)
    {
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        var blamed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in parents.Keys)
        {
            if (LengthOf(code, parents, lengths) <= ImportLimits.MaxPathLength)
            {
                continue;
            }

            // A stored grid can only outgrow the column because an imported ancestor moved: report that row, once.
            string? culprit = code;
            while (culprit is not null && !imported.ContainsKey(culprit))
            {
                culprit = parents.GetValueOrDefault(culprit);
            }

            if (culprit is not null && blamed.Add(culprit))
            {
                var detail = culprit == code ? "" : $"（影响下级网格 '{code}'）";
                batch.Error(imported[culprit].Source, $"层级路径超过 {ImportLimits.MaxPathLength} 个字符{detail}");
            }
        }
    }

    /// <summary>Length of "/A/B/code/", walked iteratively: recursion would overflow on a deep hostile chain.</summary>
    private static int LengthOf(string code, Dictionary<string, string?> parents, Dictionary<string, int> lengths)
    {
        var pending = new Stack<string>();
        string? current = code;
        while (current is not null && !lengths.ContainsKey(current))
        {
            pending.Push(current);
            current = parents.GetValueOrDefault(current);
        }

        var length = current is null ? 1 : lengths[current];
        while (pending.TryPop(out var next))
        {
            length += next.Length + 1;
            lengths[next] = length;
        }

        return lengths[code];
    }
}
