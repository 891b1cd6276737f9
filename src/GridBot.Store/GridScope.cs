using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store;

/// <summary>
/// The grid-scope rule, in one place: a scope is a grid and everything below it, held as the path prefix every
/// check compares with ("/" = every grid). A grid outside a speaker's, session's or token's scope is answered as if
/// it did not exist. The database side of the same rule is <see cref="GridScopeQueries"/>.
/// </summary>
public sealed record GridScope(string? Code, string Path)
{
    public static readonly GridScope Everything = new(null, "/");

    public bool IsEverything => Path == Everything.Path;

    public static GridScope Of(Grid grid) => new(grid.Code, grid.Path);

    /// <summary>The grid at <paramref name="gridPath"/> is this scope's grid or below it.</summary>
    public bool Contains(string gridPath) => IsWithin(gridPath, Path);

    /// <summary>
    /// The grid at <paramref name="gridPath"/> is the grid at <paramref name="scopePath"/> or below it; read the other
    /// way round, the second grid covers the first (a leader of it answers for it). Paths end in "/", so "G1" never
    /// matches "G10".
    /// </summary>
    public static bool IsWithin(string gridPath, string scopePath) => gridPath.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>Below another of <paramref name="paths"/>: nested targets need no query of their own.</summary>
    public static bool IsBelowAnother(string path, IEnumerable<string> paths) => paths.Any(o => o != path && IsWithin(path, o));

    /// <returns>Null when the code names no grid (a token configured for a grid that was since removed sees nothing).</returns>
    public static async Task<GridScope?> ResolveAsync(GridBotDbContext db, string? code, CancellationToken cancellationToken)
    {
        if (code is null)
        {
            return Everything;
        }

        var path = await db.Grids.AsNoTracking().Where(g => g.Code == code).Select(g => g.Path).FirstOrDefaultAsync(cancellationToken);
        return path is null ? null : new GridScope(code, path);
    }
}
