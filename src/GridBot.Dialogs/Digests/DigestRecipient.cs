namespace GridBot.Dialogs.Digests;

/// <summary>
/// A staff member who gets a scope's digests privately besides its chat (Schedules:DigestRecipients), addressed the
/// way the channel addresses a one-to-one conversation.
/// </summary>
public sealed class DigestRecipient
{
    /// <summary>The community or street code whose digests this person gets.</summary>
    public string Scope { get; set; } = "";

    public string Channel { get; set; } = "";

    public string ConversationId { get; set; } = "";
}
