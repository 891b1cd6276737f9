using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GridBot.Host.Tests.StaffConsole;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download does not work here). A machine without
/// /usr/bin/chromium fails these tests: test.sh installs it, so a missing browser is a broken setup, not a skip.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        this.playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <summary>artifacts/screenshots at the repository root (gitignored); CI keeps the folder as the run's artifacts.</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new Browser(playwright, chromium);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A phone-sized context (390 × 844, the width grid workers' phones have) with its own cookies.</summary>
    public async Task<IPage> NewPhonePageAsync(Uri baseAddress)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>axe-core on the page as it is now: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{name}: " + string.Join("; ", bad.Select(Describe)));
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        playwright.Dispose();
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}";

    private static string FindScreenshotFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GridBot.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
    }
}
