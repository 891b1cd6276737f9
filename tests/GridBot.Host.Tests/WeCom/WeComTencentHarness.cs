using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridBot.Host.Tests.WeCom;

/// <summary>
/// Runs tests/wecom-harness/harness.js (Tencent's official @wecom/crypto) in batch mode: one node
/// process per call, one JSON request per stdin line, one JSON response per stdout line.
/// Fails loudly, never skips, when Node or the npm package is missing.
/// </summary>
internal static class WeComTencentHarness
{
    private const string InstallHint = "Run `npm ci` in tests/wecom-harness (e.g. `(cd tests/wecom-harness && npm ci --no-audit --no-fund)`).";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<JsonObject> Run(IReadOnlyList<JsonObject> requests)
    {
        var directory = WeComTestPaths.HarnessDirectory;
        if (!File.Exists(Path.Combine(directory, "node_modules", "@wecom", "crypto", "package.json")))
        {
            throw new InvalidOperationException($"The WeCom harness is not installed: {directory}/node_modules/@wecom/crypto is missing. {InstallHint}");
        }

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add("harness.js");

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Node.js (`node`) is not on PATH: {e.Message}. Install Node 20+, then {InstallHint}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            foreach (var request in requests)
            {
                process.StandardInput.Write(request.ToJsonString());
                process.StandardInput.Write('\n');
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"harness.js did not finish within {Timeout}.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"harness.js exited with {process.ExitCode}: {stderr.Result} {InstallHint}");
            }

            var responses = stdout.Result
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonNode.Parse(line)!.AsObject())
                .ToList();
            if (responses.Count != requests.Count)
            {
                throw new InvalidOperationException($"harness.js answered {responses.Count} of {requests.Count} requests: {stderr.Result}");
            }

            for (var i = 0; i < responses.Count; i++)
            {
                if (responses[i]["ok"]?.GetValue<bool>() != true)
                {
                    throw new InvalidOperationException($"harness.js request {i} failed: {responses[i]["error"]}");
                }
            }

            return responses;
        }
    }

    public static string Text(this JsonObject response, string name) =>
        response[name]?.GetValue<string>() ?? throw new InvalidOperationException($"harness response has no {name}");
}
