namespace GridBot.Dialogs.Dialogs;

public enum DialogTurnResult
{
    /// <summary>The dialog asked something and keeps its frame for the next message.</summary>
    Waiting,
    Completed,
    Cancelled,

    /// <summary>The message was not for this dialog: the frame is dropped and the message is routed as new.</summary>
    Abandoned,

    /// <summary>
    /// The message was not the answer (a resident asked "在哪里？" talks about something else): it is routed as new and
    /// the frame stays open for a later answer until it lapses.
    /// </summary>
    Passed,
}
