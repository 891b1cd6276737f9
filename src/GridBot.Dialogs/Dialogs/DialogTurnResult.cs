namespace GridBot.Dialogs.Dialogs;

public enum DialogTurnResult
{
    /// <summary>The dialog asked something and keeps its frame for the next message.</summary>
    Waiting,
    Completed,
    Cancelled,

    /// <summary>The message was not for this dialog: the frame is dropped and the message is routed as new.</summary>
    Abandoned,
}
