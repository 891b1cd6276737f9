using System.Text;

namespace GridBot.Host.Import;

/// <summary>The outcome of one import: either every row was written, or nothing was and <see cref="Errors"/> says why.</summary>
public sealed record ImportReport(IReadOnlyList<ImportError> Errors, ImportCounts Grids, ImportCounts Chats, ImportCounts Members, ImportCounts Knowledge)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportReport Failed(IReadOnlyList<ImportError> errors) =>
        new(errors, ImportCounts.None, ImportCounts.None, ImportCounts.None, ImportCounts.None);

    /// <summary>A short Chinese summary for the staff member who ran the import.</summary>
    public string Describe()
    {
        if (Succeeded)
        {
            var knowledge = Knowledge == ImportCounts.None ? "" : $"；知识库：{Knowledge}";
            return $"导入成功。网格：{Grids}；群：{Chats}；成员：{Members}{knowledge}。";
        }

        var text = new StringBuilder($"导入失败，未写入任何数据。共 {Errors.Count} 处错误：");
        foreach (var error in Errors)
        {
            text.Append('\n').Append("- ").Append(error);
        }

        return text.ToString();
    }
}
