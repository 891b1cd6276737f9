namespace GridBot.Dialogs.Commands;

public enum CommandAudience
{
    Everyone,

    /// <summary>Grid workers, leaders and the staff above them.</summary>
    Staff,
}
