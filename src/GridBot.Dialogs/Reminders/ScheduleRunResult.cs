namespace GridBot.Dialogs.Reminders;

/// <summary>What one run of a schedule did: sent now, skipped as too late, or found already sent (another fire or host).</summary>
public sealed record ScheduleRunResult(int Sent, int Skipped, int AlreadySent)
{
    public static readonly ScheduleRunResult None = new(0, 0, 0);
}
