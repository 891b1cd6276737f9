namespace GridBot.Dialogs.Identity;

public abstract record IdentityResolution
{
    public sealed record Resolved(TurnIdentity Identity) : IdentityResolution;

    public sealed record UnboundGroup : IdentityResolution;

    public sealed record UnknownUser : IdentityResolution;
}
