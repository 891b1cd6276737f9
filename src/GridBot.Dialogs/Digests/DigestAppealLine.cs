namespace GridBot.Dialogs.Digests;

/// <summary>
/// One appeal type in a digest: how many came in during the period and, for a question, suggestion or praise, how many
/// still wait for an answer at its end (complaints and requests for help are the open work of the other lines).
/// </summary>
public sealed record DigestAppealLine(string AppealType, string Name, int New, int Waiting);
