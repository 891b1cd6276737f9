using System.Net;
using System.Text;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// The printable sheet of <c>kf links</c>: one card per grid (QR code, the grid's name under it, the link), two
/// cards to an A4 page, and the grids without a link listed with the reason. HTML rather than text painted into the
/// PNG: drawing Chinese into an image needs a font rasteriser (native or a large font package), while any browser
/// prints the names sharply with the machine's own CJK fonts.
/// </summary>
internal static class KfLinkSheet
{
    public static string FileNameOf(string gridCode) => gridCode + ".png";

    public static string Html(IReadOnlyList<KfGridLink> links)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>网格微信客服二维码</title>
            <style>
            body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; }
            .card { page-break-inside: avoid; text-align: center; padding: 12mm 0; border-bottom: 1px dashed #999; }
            .card img { width: 90mm; height: 90mm; image-rendering: pixelated; }
            .name { font-size: 28pt; font-weight: bold; margin-top: 4mm; }
            .hint { font-size: 14pt; margin-top: 2mm; }
            .url { font-size: 9pt; color: #555; word-break: break-all; margin: 2mm 20mm 0; }
            .missing { color: #a00; }
            </style></head><body>

            """);
        foreach (var link in links.Where(l => l.Url is not null))
        {
            html.Append(CultureInvariant($"""
                <div class="card"><img src="{FileNameOf(link.Grid.Code)}" alt="{Encode(link.Grid.Name)}微信客服二维码">
                <div class="name">{Encode(link.Grid.Name)}</div>
                <div class="hint">微信扫一扫，向网格小助手反映问题</div>
                <div class="url">{Encode(link.Url!)}</div></div>

                """));
        }

        foreach (var link in links.Where(l => l.Url is null))
        {
            html.Append(CultureInvariant($"<p class=\"missing\">{Encode(link.Grid.Name)}（{Encode(link.Grid.Code)}）没有链接：{Encode(link.Problem ?? "")}</p>\n"));
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
