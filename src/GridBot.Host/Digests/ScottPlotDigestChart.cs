using GridBot.Dialogs.Digests;
using Microsoft.Extensions.Options;
using ScottPlot;

namespace GridBot.Host.Digests;

/// <summary>
/// The weekly digest as a PNG (ScottPlot on SkiaSharp, no native dependencies): on-time closure and satisfaction per
/// grid, the same measure as the console's chart. Skia without fontconfig draws Chinese as empty boxes, so a CJK font
/// file is loaded explicitly; without one the digest goes as text only (logged once).
/// </summary>
internal sealed partial class ScottPlotDigestChart : IDigestChart
{
    private const string FontName = "GridBotCjk";
    private const int MaxGrids = 24;

    private static readonly string[] KnownFonts =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    ];

    private readonly Lazy<bool> fontLoaded;
    private readonly object drawing = new();

    public ScottPlotDigestChart(IOptions<DigestChartOptions> options, ILogger<ScottPlotDigestChart> logger)
    {
        fontLoaded = new Lazy<bool>(() =>
        {
            var file = options.Value.FontFile.Length > 0 ? options.Value.FontFile : KnownFonts.FirstOrDefault(File.Exists);
            if (file is null)
            {
                LogNoFont(logger);
                return false;
            }

            Fonts.AddFontFile(FontName, file);
            return true;
        });
    }

    public byte[]? RenderPng(DigestReport report)
    {
        if (!fontLoaded.Value)
        {
            return null;
        }

        var grids = report.Grids.Take(MaxGrids).ToList();
        // ScottPlot's font registry and styles are shared state: one drawing at a time (one image a week per scope).
        lock (drawing)
        {
            var plot = new Plot();
            plot.Font.Set(FontName);
            var onTime = Colors.SteelBlue;
            var satisfied = Colors.DarkOrange;
            var bars = new List<Bar>();
            for (var i = 0; i < grids.Count; i++)
            {
                bars.Add(new Bar { Position = i * 3, Value = (grids[i].Counts.OnTimeRate ?? 0) * 100, FillColor = onTime });
                bars.Add(new Bar { Position = i * 3 + 1, Value = (grids[i].Counts.SatisfactionRate ?? 0) * 100, FillColor = satisfied });
            }

            plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks([.. grids.Select((_, i) => i * 3 + 0.5)], [.. grids.Select(g => Label(g.Name, report.ScopeName))]);
            if (grids.Count > 8)
            {
                plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
                plot.Axes.Bottom.MinimumSize = 110;
            }

            plot.Axes.SetLimitsY(0, 105);
            plot.Axes.Left.Label.Text = "%";
            plot.Title($"{report.ScopeName} {report.From:M月d日}–{report.To:M月d日} 各网格按时办结率与满意率");
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "按时办结率", FillColor = onTime });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "满意率", FillColor = satisfied });
            plot.ShowLegend(Alignment.UpperRight);
            return plot.GetImageBytes(960, 540, ImageFormat.Png);
        }
    }

    /// <summary>"幸福里社区第一网格" in 幸福里社区's digest → "第一网格": the scope's name is in the title already.</summary>
    private static string Label(string grid, string scope)
    {
        var name = grid.StartsWith(scope, StringComparison.Ordinal) && grid.Length > scope.Length ? grid[scope.Length..] : grid;
        return name.Length > 8 ? name[..8] + "…" : name;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No CJK font found (DigestChart:FontFile): weekly digests go without their chart image")]
    private static partial void LogNoFont(ILogger logger);
}
