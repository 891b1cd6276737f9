using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace GridBot.Host.Tests.WeCom.LongConnection;

/// <summary>
/// tests/wecom-ws-harness/sdk-client.js: Tencent's own WSClient (@wecom/aibot-node-sdk 1.0.7) as a child process,
/// its JSON lines readable one by one. Fails loudly, never skips, when Node or the package is missing.
/// </summary>
internal sealed class AiBotSdkProcess : IAsyncDisposable
{
    private const string InstallHint = "Run `npm ci` in tests/wecom-ws-harness (./test.sh does).";
    private readonly Process _process;
    private readonly Channel<JsonObject> _lines = Channel.CreateUnbounded<JsonObject>();
    private readonly StringBuilder _stderr = new();

    private AiBotSdkProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                _lines.Writer.TryWrite(JsonNode.Parse(line)!.AsObject());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static AiBotSdkProcess Start(string wsUrl, string botId, string secret)
    {
        var directory = Path.Combine(WeComTestPaths.RepositoryRoot, "tests", "wecom-ws-harness");
        if (!File.Exists(Path.Combine(directory, "node_modules", "@wecom", "aibot-node-sdk", "package.json")))
        {
            throw new InvalidOperationException($"@wecom/aibot-node-sdk is not installed in {directory}. {InstallHint}");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "sdk-client.js", wsUrl, botId, secret })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return new AiBotSdkProcess(Process.Start(start) ?? throw new InvalidOperationException("node did not start"));
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Node.js (`node`) is not on PATH: {e.Message}. {InstallHint}", e);
        }
    }

    /// <summary>The next line whose "event" is <paramref name="name"/> (earlier other lines are skipped).</summary>
    public async Task<JsonObject> NextAsync(string name, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(bounded.Token);
                if (line["event"]?.GetValue<string>() == name)
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            lock (_stderr)
            {
                throw new TimeoutException($"Tencent's client printed no '{name}' line (exited: {_process.HasExited}). stderr: {_stderr}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
