namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// A follow-up read from a message. <see cref="Explicit"/> means the words can only be about one's own report
/// ("我上次报的…", "催一下", "撤回工单"), so finding no ticket deserves an answer; otherwise the message is handled as a
/// fresh one. <see cref="Topic"/> is what is left of the message once the follow-up words are taken out ("井盖").
/// </summary>
public sealed record FollowUpRequest(FollowUpKind Kind, bool Explicit, string Topic, CorrectionText? Correction = null);

/// <summary>"说错了，是6栋不是5栋": <see cref="Wrong"/> is "5栋" (when said), <see cref="Right"/> "6栋".</summary>
public sealed record CorrectionText(string? Wrong, string Right);
