namespace GridBot.Dialogs.Tickets;

public enum IntakeStep
{
    AwaitingConfirmation,
    AwaitingCategory,
    AwaitingPlace,
}
