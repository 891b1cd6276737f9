using System.Diagnostics;

namespace GridBot.Bench;

/// <summary>
/// The Bot Framework JS SDK echo bot (peer/echo.js), installed with npm into a temporary folder (botbuilder and express
/// at the versions pinned here) and started with node on a free 127.0.0.1 port; stopped by its pid.
/// </summary>
internal sealed class PeerEchoBot : IAsyncDisposable
{
    private const string Botbuilder = "botbuilder@4.23.3";
    private const string Express = "express@5.3.0";

    private readonly string _folder;
    private readonly Process _node;

    private PeerEchoBot(string folder, Process node, Uri url)
    {
        _folder = folder;
        _node = node;
        Url = url;
    }

    public Uri Url { get; }

    public static string Versions => $"{Botbuilder}, {Express}";

    public static async Task<PeerEchoBot> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("gridbot-bench-peer").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "peer", "echo.js"), Path.Combine(folder, "echo.js"));
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), """{ "name": "gridbot-bench-peer", "private": true }""", cancellationToken);
        await ToolProcess.RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", Botbuilder, Express], cancellationToken, folder);

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("echo.js");
        var node = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        _ = node.StandardError.ReadToEndAsync(cancellationToken);
        var line = await node.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            node.Kill();
            throw new InvalidOperationException($"the peer echo bot did not start: {line}");
        }

        return new PeerEchoBot(folder, node, new Uri($"http://127.0.0.1:{line["listening ".Length..].Trim()}/api/messages"));
    }

    /// <summary>The echo bot's answer: its one reply, in the expectReplies body.</summary>
    public static bool HasEcho(string body) => body.Contains("\"Echo ", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill();
            await _node.WaitForExitAsync();
        }

        _node.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
