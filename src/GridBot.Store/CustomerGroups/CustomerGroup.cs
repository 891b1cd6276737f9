namespace GridBot.Store.CustomerGroups;

/// <summary>
/// A WeCom customer group (客户群) as <c>wecom sync-groups</c> last saw it: its owner (the only one who can confirm a
/// mass-send into it), the grid it is bound to, and its head counts — the denominators of acknowledgement rates.
/// </summary>
public sealed class CustomerGroup
{
    /// <summary>The outbox channel of mass-sends: the row's conversation is a grid code, its subtree's bound groups the audience.</summary>
    public const string OutboxChannel = "wecom-customer-group";

    public int Id { get; set; }
    public required string ChatId { get; set; }
    public required string Name { get; set; }
    public required string OwnerUserId { get; set; }

    /// <summary>Null while no rule binds it: such a group is listed by the sync, never guessed.</summary>
    public int? GridId { get; set; }

    public int MemberCount { get; set; }

    /// <summary>Members of type 2 (external contacts): the residents.</summary>
    public int ResidentCount { get; set; }

    /// <summary>groupchat/list status: 0 normal, 1–3 being taken over after the owner left.</summary>
    public int Status { get; set; }

    public DateTime SyncedUtc { get; set; }
}
