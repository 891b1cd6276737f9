using System.CommandLine;
using Spectre.Console;
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
    public static Command Create(string[] settings)
    {
        var scopeOption = CliOptions.Scope("只为这个编码下的网格生成（默认全部）", required: false);
        var output = new Option<string>("--out") { Description = "二维码和打印页写到这个文件夹（默认 WeCom:Kf:LinkFolder）", HelpName = "文件夹" };
        var json = CliOptions.Json();
        var links = new Command("links", "每个网格一个微信客服链接和二维码（PNG + 打印页 index.html）；需要 WeCom:App 和 WeCom:Kf:OpenKfId") { scopeOption, output, json };
        links.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(settings, cancellationToken, builder => builder.AddWeCom());
            var options = host.Services.GetRequiredService<IOptions<KfOptions>>().Value;
            if (options.OpenKfId.Length == 0)
            {
                return CliOutput.Usage("没有配置 WeCom:Kf:OpenKfId（微信客服账号），如 --WeCom:Kf:OpenKfId=wkXXXX。");
            }

            var code = parsed.GetValue(scopeOption);
            IReadOnlyList<KfGridLink> found;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                found = await scope.ServiceProvider.GetRequiredService<KfContactLinks>().EnsureAsync(options.OpenKfId, code, cancellationToken);
            }

            await host.StopAsync(cancellationToken);
            if (found.Count == 0)
            {
                return CliOutput.Error($"没有编码为 {code} 的网格。");
            }

            var folder = Path.GetFullPath(parsed.GetValue(output) is { Length: > 0 } given ? given : options.LinkFolder);
            Directory.CreateDirectory(folder);
            var rows = new List<KfLinkRow>();
            foreach (var link in found)
            {
                string? png = null;
                if (link.Url is not null)
                {
                    png = Path.Combine(folder, KfLinkSheet.FileNameOf(link.Grid.Code));
                    await File.WriteAllBytesAsync(png, KfQrCode.Png(link.Url), cancellationToken);
                }

                rows.Add(new KfLinkRow(link.Grid.Code, link.Grid.Name, link.Url, png, link.Problem));
            }

            var sheet = Path.Combine(folder, "index.html");
            await File.WriteAllTextAsync(sheet, KfLinkSheet.Html(found), cancellationToken);
            if (parsed.GetValue(json))
            {
                CliOutput.Json<IReadOnlyList<KfLinkRow>>(rows);
            }
            else
            {
                var table = CliOutput.Table("网格", "名称", "链接");
                foreach (var row in rows)
                {
                    table.Row(row.Code, row.Name, row.Url ?? "没有链接：" + row.Problem);
                }

                var console = CliOutput.Out();
                console.Write(table);
                console.WriteLine($"二维码和打印页：{sheet}");
            }

            return rows.All(r => r.Url is not null) ? CliExit.Done : CliExit.Failed;
        });
        return new Command("kf", "微信客服") { links };
    }
}
