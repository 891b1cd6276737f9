using System.Diagnostics;

namespace GridBot.Bench;

/// <summary>
/// The synthetic long-message set (bench/data/long-messages): written by its generator into a temp folder on each run
/// instead of being committed — the script has a fixed seed and writes the same bytes every time.
/// </summary>
internal static class LongMessageSet
{
    /// <returns>The folder holding <c>long.train.csv</c> and <c>long.test.csv</c>.</returns>
    public static string Generate()
    {
        var folder = Directory.CreateTempSubdirectory("gridbot-long-messages-").FullName;
        var script = Path.Combine(AppContext.BaseDirectory, "long-messages", "make_long_messages.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 {script} failed ({process.ExitCode}): {errors}");
        }

        return folder;
    }
}
