using System.Globalization;

namespace GridBot.Dialogs.Tests.Calendar;

/// <summary>Writes test instants as Beijing wall time (UTC+8, no DST) so expectations read like the schedule.</summary>
internal static class Shanghai
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime Utc(string localTime) =>
        DateTime.SpecifyKind(
            DateTime.ParseExact(localTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) - Offset,
            DateTimeKind.Utc);

    public static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
