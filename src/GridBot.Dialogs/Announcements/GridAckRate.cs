namespace GridBot.Dialogs.Announcements;

/// <summary>回执 of one reached grid: its known members (bound to it or below it, nearest reached grid first) and who of them acknowledged.</summary>
public sealed record GridAckRate(int GridId, string Code, string Name, int Known, int Acknowledged)
{
    public double? Rate => Known == 0 ? null : (double)Acknowledged / Known;
}
