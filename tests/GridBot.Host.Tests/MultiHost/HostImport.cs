using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GridBot.Host.Tests.MultiHost;

/// <summary>The real `import` verb of GridBot.Host.dll run as a child process against a host's database, as staff would bind groups.</summary>
internal static class HostImport
{
    public static async Task RunAsync(JsonObject data, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"host-import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, data.ToJsonString(), cancellationToken);
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "GridBot.Host.dll"), "import", file, .. settings])
            {
                start.ArgumentList.Add(arg);
            }

            using var import = Process.Start(start)!;
            var output = import.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = import.StandardError.ReadToEndAsync(cancellationToken);
            await import.WaitForExitAsync(cancellationToken);
            Assert.True(import.ExitCode == 0, $"import failed: {await output}\n{await errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
