namespace GridBot.Store.Grids;

/// <summary>A node of the grid tree. <see cref="Path"/> holds every ancestor code so a subtree is one prefix query.</summary>
public sealed class Grid
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public GridLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Grid? Parent { get; set; }

    /// <summary>"/D01/S01/C01/G01/": ancestors then this code, slash-delimited so "G1" never matches "G10".</summary>
    public required string Path { get; set; }

    public static string PathOf(string? parentPath, string code) => (parentPath ?? "/") + code + "/";
}
