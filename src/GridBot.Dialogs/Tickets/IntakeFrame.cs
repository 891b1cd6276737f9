using GridBot.Dialogs.Dialogs;

namespace GridBot.Dialogs.Tickets;

/// <summary>A report being completed; <see cref="Choices"/> are the categories offered when the guess is in doubt.</summary>
public sealed record IntakeFrame(IntakeStep Step, TicketDraft Draft, IReadOnlyList<string>? Choices = null) : DialogFrame;
