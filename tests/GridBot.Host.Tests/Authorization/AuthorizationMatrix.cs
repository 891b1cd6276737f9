namespace GridBot.Host.Tests.Authorization;

/// <summary>
/// The matrix table of docs/AUTHORIZATION.md, parsed: the document is the test's data, so the two cannot drift.
/// The table sits between two HTML comments; its header must name the roles in <see cref="MatrixRole"/> order.
/// </summary>
public sealed record AuthorizationMatrix(IReadOnlyList<AuthorizationMatrix.Row> Rows)
{
    public const string StartMarker = "<!-- authorization-matrix:start -->";
    public const string EndMarker = "<!-- authorization-matrix:end -->";

    public static readonly string[] Header =
        ["id", "action", "reporter", "resident", "liaison", "worker", "leader", "other leader", "community", "street", "unknown", "no token"];

    public sealed record Row(string Id, string Action, IReadOnlyDictionary<MatrixRole, Expectation> Cells);

    /// <summary>The copy of docs/AUTHORIZATION.md placed beside the test assembly by the project file.</summary>
    public static AuthorizationMatrix Load() =>
        Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Authorization", "AUTHORIZATION.md")));

    public static AuthorizationMatrix Parse(string markdown)
    {
        var start = markdown.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = markdown.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new FormatException("The matrix markers are missing from AUTHORIZATION.md.");
        }

        var lines = markdown[(start + StartMarker.Length)..end]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Cells)
            .ToList();
        if (lines.Count < 3 || !lines[0].SequenceEqual(Header))
        {
            throw new FormatException($"The matrix header must be: {string.Join(" | ", Header)}");
        }

        var roles = Enum.GetValues<MatrixRole>();
        var rows = lines.Skip(2).Select(cells => cells.Length != Header.Length
            ? throw new FormatException($"Row '{cells[0]}' has {cells.Length} cells, not {Header.Length}.")
            : new Row(cells[0], cells[1], roles.ToDictionary(r => r, r => ParseCell(cells[0], cells[2 + (int)r]))))
            .ToList();
        return new AuthorizationMatrix(rows);
    }

    private static string[] Cells(string line) => [.. line.Trim('|').Split('|').Select(c => c.Trim())];

    private static Expectation ParseCell(string row, string cell) => cell switch
    {
        "allow" => Expectation.Allow,
        "allow, masked" => Expectation.AllowMasked,
        "allow, full" => Expectation.AllowFull,
        "refused" => Expectation.Refused,
        "not found" => Expectation.NotFound,
        "unknown" => Expectation.Unknown,
        "sign-in" => Expectation.SignIn,
        "401" => Expectation.Status401,
        "403" => Expectation.Status403,
        "404" => Expectation.Status404,
        _ => throw new FormatException($"Row '{row}': '{cell}' is not a cell value."),
    };
}
