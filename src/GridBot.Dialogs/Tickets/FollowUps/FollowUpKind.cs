namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>What a resident wants done with a ticket they already reported.</summary>
public enum FollowUpKind
{
    /// <summary>进度: how is it going.</summary>
    Progress,

    /// <summary>催办: why is nobody here yet.</summary>
    Urge,

    /// <summary>更正: I said it wrong, it is building 6.</summary>
    Correct,

    /// <summary>撤回: no longer needed.</summary>
    Withdraw,
}
