namespace GridBot.Dialogs.Tickets;

/// <remarks>Stored as numbers in persisted frames: values are fixed (1 was the category quiz, retired).</remarks>
public enum IntakeStep
{
    /// <summary>"需要登记为工单吗？" — a doubtful message waits for a yes.</summary>
    AwaitingConfirmation = 0,

    /// <summary>"在哪里？" — the report waits for an answer that reads as a place.</summary>
    AwaitingPlace = 2,

    /// <summary>The ticket is filed with a place given in an answer (or none, when urgent); a further piece joins it.</summary>
    AwaitingMorePlace = 3,
}
