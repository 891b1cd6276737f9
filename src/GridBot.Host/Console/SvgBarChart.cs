using System.Globalization;
using System.Text;
using static GridBot.Host.StaffConsole.ConsoleHtml;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// A grouped bar chart drawn as SVG on the server. SVG rather than a PNG library: the viewer's own fonts draw the
/// Chinese labels (no CJK font has to be installed on the server), there is no native dependency, and the charts
/// stay sharp on a phone.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 560;
    private const int Height = 320;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 40;
    private const int Bottom = 72;
    private static readonly string[] Colours = ["#1f6fb2", "#e07b24", "#2e9e5b"];

    public sealed record Series(string Name, IReadOnlyList<double> Values);

    /// <param name="percent">Values are rates 0..1, drawn on a 0–100 % axis.</param>
    public static string Render(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series, bool percent = false)
    {
        var max = percent ? 1.0 : Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        // Counts get whole-number ticks (0–4 at least), rates a 0–100 % axis.
        var niceMax = percent ? 1.0 : Math.Ceiling(Math.Max(4, NiceCeiling(max)) / 4) * 4;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var svg = new StringBuilder(16384);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{E(title)}\" font-family=\"sans-serif\" font-size=\"13\">")
            .Append("<title>").Append(E(title)).Append("</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"20\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">{E(title)}</text>");

        for (var i = 0; i <= 4; i++)
        {
            var value = niceMax * i / 4;
            var y = Top + plotHeight - (plotHeight * i / 4.0);
            var text = percent ? $"{value * 100:0}%" : value.ToString("0.#", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#555\">{text}</text>");
        }

        var groups = Math.Max(1, labels.Count);
        var groupWidth = plotWidth / (double)groups;
        var barWidth = Math.Clamp(groupWidth * 0.8 / Math.Max(1, series.Count), 1, 40);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(groups / 12.0));
        for (var g = 0; g < labels.Count; g++)
        {
            var x0 = Left + (g + 0.5) * groupWidth - barWidth * series.Count / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var value = g < series[s].Values.Count ? series[s].Values[g] : 0;
                var h = plotHeight * Math.Clamp(value / niceMax, 0, 1);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0 + s * barWidth:0.##}\" y=\"{Top + plotHeight - h:0.##}\" width=\"{barWidth:0.##}\" height=\"{h:0.##}\" fill=\"{Colours[s % Colours.Length]}\">")
                    .Append("<title>").Append(E(labels[g])).Append(' ').Append(E(series[s].Name)).Append(' ')
                    .Append(percent ? $"{value * 100:0.#}%" : value.ToString("0.#", CultureInfo.InvariantCulture)).Append("</title></rect>");
            }

            if (g % labelEvery == 0)
            {
                var cx = Left + (g + 0.5) * groupWidth;
                var y = Top + plotHeight + 14;
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx:0.#}\" y=\"{y}\" text-anchor=\"end\" transform=\"rotate(-35 {cx:0.#} {y})\" fill=\"#333\">{E(Shorten(labels[g]))}</text>");
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            var x = Width - Right - 90 * (series.Count - s);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{Colours[s % Colours.Length]}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 16}\" y=\"21\" fill=\"#222\">{E(series[s].Name)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string label) => label.Length > 8 ? label[..8] + "…" : label;

    private static double NiceCeiling(double max)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
