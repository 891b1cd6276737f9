namespace GridBot.Dialogs.Digests;

/// <summary>One of the oldest open tickets: what a leader asks about first.</summary>
public sealed record DigestOldTicket(string Number, string Category, string GridName, string Status, DateTime CreatedUtc, double AgeDays);
