using System.Globalization;

namespace GridBot.Host.Tests.Schedules;

/// <summary>Test instants written as Beijing wall time (UTC+8, no DST), so expectations read like the schedule.</summary>
internal static class Beijing
{
    public static DateTimeOffset At(string localTime) =>
        new(DateTime.ParseExact(localTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    public static DateTime Utc(string localTime) => At(localTime).UtcDateTime;
}
