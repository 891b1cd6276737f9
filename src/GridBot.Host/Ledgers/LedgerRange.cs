using System.Globalization;

namespace GridBot.Host.Ledgers;

/// <summary>A ledger's period in local (Asia/Shanghai) days, from inclusive to exclusive.</summary>
public sealed record LedgerRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public static LedgerRange Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1));

    /// <summary>"2026-11" → that month.</summary>
    public static LedgerRange? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? Month(first.Year, first.Month)
            : null;

    /// <summary>from/to as yyyy-MM-dd, both inclusive as people write them; either missing = this month so far.</summary>
    public static LedgerRange? Parse(string? from, string? to, DateOnly today)
    {
        var start = new DateOnly(today.Year, today.Month, 1);
        var end = today;
        if (!string.IsNullOrEmpty(from) && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(to) && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            return null;
        }

        var range = new LedgerRange(start, end.AddDays(1));
        return range.To > range.From && range.To.DayNumber - range.From.DayNumber <= MaxDays ? range : null;
    }

    public override string ToString() => $"{From:yyyy-MM-dd}_{To.AddDays(-1):yyyy-MM-dd}";
}
