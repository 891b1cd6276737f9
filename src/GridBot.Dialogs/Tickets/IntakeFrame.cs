using GridBot.Dialogs.Dialogs;

namespace GridBot.Dialogs.Tickets;

public sealed record IntakeFrame(IntakeStep Step, TicketDraft Draft) : DialogFrame;
