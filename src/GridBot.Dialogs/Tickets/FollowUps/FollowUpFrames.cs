using GridBot.Dialogs.Dialogs;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>"Which one?": the speaker's tickets offered, in the order shown, and what they asked for.</summary>
public sealed record PickTicketFrame(FollowUpKind Kind, IReadOnlyList<string> Numbers, string Said, CorrectionText? Correction) : DialogFrame;

/// <summary>"Is it this one you want urged?": the speaker's one open ticket, which the words did not name.</summary>
public sealed record UrgeConfirmFrame(string Number, string Said) : DialogFrame, ITicketConfirmFrame;

/// <summary>"Really withdraw?": the ticket and the words that asked for it.</summary>
public sealed record WithdrawConfirmFrame(string Number, string Said) : DialogFrame, ITicketConfirmFrame;

/// <summary>A 是/不 question about one of the speaker's tickets: its number and the words that led to it.</summary>
public interface ITicketConfirmFrame
{
    string Number { get; }
    string Said { get; }
}

/// <summary>"Place or description?": the correction that could be either.</summary>
public sealed record CorrectionFieldFrame(string Number, string Right) : DialogFrame;
