using GridBot.Dialogs.Dialogs;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// A person's one open question about their report. <see cref="More"/> are the other problems of the same message
/// that wait for the same answer; <see cref="Filed"/> the tickets a later piece of the place joins;
/// <see cref="AskedAgain"/> is set once the question was repeated (it is asked at most twice).
/// </summary>
public sealed record IntakeFrame(
    IntakeStep Step,
    TicketDraft Draft,
    IReadOnlyList<TicketDraft>? More = null,
    IReadOnlyList<string>? Filed = null,
    bool AskedAgain = false) : DialogFrame
{
    public IReadOnlyList<TicketDraft> Drafts => [Draft, .. More ?? []];
}
