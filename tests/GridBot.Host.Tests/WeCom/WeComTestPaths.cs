namespace GridBot.Host.Tests.WeCom;

/// <summary>Locates the repository files the WeCom tests need, inside the repository only (nothing outside it is read at run time).</summary>
internal static class WeComTestPaths
{
    private const string HarnessRelativePath = "tests/wecom-harness/harness.js";

    /// <summary>The repository root: the first ancestor of the test binaries holding tests/wecom-harness/harness.js.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string HarnessDirectory => Path.Combine(RepositoryRoot, "tests", "wecom-harness");

    public static string VectorsFile
    {
        get
        {
            // Prefer the copy in the output folder; fall back to the source tree so the tests
            // still work if a project file forgets the CopyToOutputDirectory line.
            var output = Path.Combine(AppContext.BaseDirectory, "WeCom", "Data", "vectors.json");
            return File.Exists(output)
                ? output
                : Path.Combine(RepositoryRoot, "tests", "GridBot.Host.Tests", "WeCom", "Data", "vectors.json");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, HarnessRelativePath)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ancestor of {AppContext.BaseDirectory} contains {HarnessRelativePath}; the WeCom tests need the repository checkout.");
    }
}
