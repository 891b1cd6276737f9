using GridBot.Dialogs.Calendar;
using GridBot.Store.Tickets;

namespace GridBot.Host.Demo;

/// <summary>
/// Who reported what on which day of the month, from a fixed seed: busier on working days, every category and appeal
/// type dealt from shuffled decks, and a few stories pinned to days before the end so that every history, however
/// short, has ratings of 不满意 and 重办, escalations and overdue work.
/// </summary>
internal static class DemoScript
{
    public const int Seed = 20261202;

    public static IReadOnlyList<DemoStory> Stories(IReadOnlyList<DemoGridCast> cast, DateOnly firstDay, int days, ChinaWorkingCalendar calendar)
    {
        var random = new Random(Seed);
        var work = new Deck<DemoReport>(DemoReports.Work, random);
        var questions = new Deck<DemoReport>(DemoReports.Questions, random);
        // Days counted back from the last one: pinned so the outcome has had time to happen before "now".
        var pinned = new Dictionary<int, DemoOutcome[]>
        {
            [Math.Max(0, days - 26)] = [DemoOutcome.Stuck],
            [Math.Max(0, days - 22)] = [DemoOutcome.Stuck],
            [Math.Max(0, days - 17)] = [DemoOutcome.Redone],
            [Math.Max(0, days - 12)] = [DemoOutcome.Redone, DemoOutcome.Escalated],
            [Math.Max(0, days - 8)] = [DemoOutcome.Late, DemoOutcome.Stuck],
            [Math.Max(0, days - 6)] = [DemoOutcome.RedoOpen, DemoOutcome.Late],
            [Math.Max(0, days - 4)] = [DemoOutcome.RedoOpen],
        };
        var stories = new List<DemoStory>();
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d);
            var count = calendar.IsWorkingDay(day) ? random.Next(3, 7) : random.Next(1, 3);
            var outcomes = pinned.GetValueOrDefault(d, []);
            for (var i = 0; i < Math.Max(count, outcomes.Length); i++)
            {
                var grid = cast[random.Next(cast.Count)];
                var pinnedOutcome = i < outcomes.Length ? outcomes[i] : (DemoOutcome?)null;
                var report = pinnedOutcome is null && random.NextDouble() < 0.22 ? questions.Next() : work.Next();
                var outcome = pinnedOutcome ?? (report.Type.CarriesSla() ? Pick(random, report) : DemoOutcome.Answered);
                var (gridId, reporter) = grid.MicroGrids.Count > 0 && random.NextDouble() < 0.15
                    ? grid.MicroGrids[random.Next(grid.MicroGrids.Count)]
                    : (grid.GridId, grid.Residents[random.Next(grid.Residents.Count)]);
                // Residents write from early morning to late evening, most of it by day.
                var minute = 7 * 60 + 30 + (int)(Math.Pow(random.NextDouble(), 1.3) * 14 * 60);
                var local = day.ToDateTime(new TimeOnly(minute / 60, minute % 60));
                var openedUtc = TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone);
                stories.Add(new DemoStory(stories.Count, grid, gridId, reporter, report, outcome, openedUtc, Seed + stories.Count));
            }
        }

        return stories;
    }

    private static DemoOutcome Pick(Random random, DemoReport report)
    {
        if (report.Urgency == TicketUrgency.Urgent)
        {
            return DemoOutcome.Satisfied;
        }

        var roll = random.Next(100);
        return roll switch
        {
            < 55 => DemoOutcome.Satisfied,
            < 74 => DemoOutcome.BasicallySatisfied,
            < 81 => DemoOutcome.Redone,
            < 88 => DemoOutcome.Late,
            < 93 => DemoOutcome.Escalated,
            _ => DemoOutcome.Withdrawn,
        };
    }

    /// <summary>Deals every item once per round, in a shuffled order, so every kind of report appears.</summary>
    private sealed class Deck<T>(IReadOnlyList<T> items, Random random)
    {
        private readonly List<T> _left = [];

        public T Next()
        {
            if (_left.Count == 0)
            {
                _left.AddRange(items);
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_left));
            }

            var item = _left[^1];
            _left.RemoveAt(_left.Count - 1);
            return item;
        }
    }
}
