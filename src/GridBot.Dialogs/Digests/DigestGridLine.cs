namespace GridBot.Dialogs.Digests;

/// <summary>One grid of the digest, in rank order (on-time closure first, then fewest overdue).</summary>
public sealed record DigestGridLine(int Rank, string Code, string Name, DigestCounts Counts);
