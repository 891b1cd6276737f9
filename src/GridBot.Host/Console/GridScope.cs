using GridBot.Store;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// The grid subtree a staff session or token may see, as the path prefix every scope check compares with
/// ("/" = every grid). A grid outside it is answered as if it did not exist.
/// </summary>
public sealed record GridScope(string? Code, string Path)
{
    public static readonly GridScope Everything = new(null, "/");

    public bool Contains(string gridPath) => gridPath.StartsWith(Path, StringComparison.Ordinal);

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
