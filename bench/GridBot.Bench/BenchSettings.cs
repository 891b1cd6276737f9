using System.Globalization;

namespace GridBot.Bench;

/// <summary>
/// Sizes of one bench run. The full sizes are the issues' (1,000,000 tickets, every robot's baseline post); `--quick`
/// shrinks them so the whole of `all` can be smoke-run in minutes, and its figures are not the ones to quote.
/// </summary>
internal sealed record BenchSettings(bool Quick, TimeSpan LoadStep, int Tickets, int BaselinePosts, int KfCallbacks)
{
    public static BenchSettings Full(int seconds) => new(false, TimeSpan.FromSeconds(seconds), 1_000_000, DistrictData.MicroGrids, 500);

    public static BenchSettings Smoke() => new(true, TimeSpan.FromSeconds(2), 100_000, 200, 50);

    /// <summary>"1M" or "100k", for row labels.</summary>
    public string TicketsLabel => Tickets >= 1_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{Tickets / 1_000_000.0:0.#}M")
        : string.Create(CultureInfo.InvariantCulture, $"{Tickets / 1000}k");
}
