using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.Kf;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Cli;

/// <summary>
/// kf links [--scope &lt;code&gt;] [--out &lt;folder&gt;]: a 微信客服 contact link per residents' grid (reused when it
/// exists), its QR code as &lt;code&gt;.png, and index.html to print them with the grids' names.
/// </summary>
internal static class KfLinksVerb
{
    public const string Usage = "用法：kf links [--scope <网格编码>] [--out <文件夹>]（需要 WeCom:App 和 WeCom:Kf:OpenKfId）";

    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, "scope", "out");
        using var host = await CliHost.StartAsync(parsed.Settings, cancellationToken, builder => builder.AddWeCom());
        var options = host.Services.GetRequiredService<IOptions<KfOptions>>().Value;
        if (options.OpenKfId.Length == 0)
        {
            await Console.Error.WriteLineAsync("没有配置 WeCom:Kf:OpenKfId（微信客服账号）。" + Usage);
            return 2;
        }

        IReadOnlyList<KfGridLink> links;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            links = await scope.ServiceProvider.GetRequiredService<KfContactLinks>().EnsureAsync(options.OpenKfId, parsed["scope"], cancellationToken);
        }

        await host.StopAsync(cancellationToken);
        if (links.Count == 0)
        {
            await Console.Error.WriteLineAsync($"没有编码为 {parsed["scope"]} 的网格。");
            return 1;
        }

        var folder = Path.GetFullPath(parsed["out"] is { Length: > 0 } output ? output : options.LinkFolder);
        Directory.CreateDirectory(folder);
        foreach (var link in links.Where(l => l.Url is not null))
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, KfLinkSheet.FileNameOf(link.Grid.Code)), KfQrCode.Png(link.Url!), cancellationToken);
            Console.WriteLine($"{link.Grid.Code}\t{link.Grid.Name}\t{link.Url}");
        }

        foreach (var link in links.Where(l => l.Url is null))
        {
            Console.WriteLine($"{link.Grid.Code}\t{link.Grid.Name}\t没有链接：{link.Problem}");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "index.html"), KfLinkSheet.Html(links), cancellationToken);
        Console.WriteLine($"二维码和打印页：{Path.Combine(folder, "index.html")}");
        return links.All(l => l.Url is not null) ? 0 : 1;
    }
}
