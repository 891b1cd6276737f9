namespace GridBot.Dialogs.Tickets;

public enum IntakeStep
{
    AwaitingConfirmation,
    AwaitingPlace,
}
