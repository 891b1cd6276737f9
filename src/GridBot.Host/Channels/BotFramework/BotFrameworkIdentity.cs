using GridBot.Dialogs.Core;

namespace GridBot.Host.Channels.BotFramework;

/// <summary>What a valid Bot Framework token vouches for, to be held against the activity it came with.</summary>
internal sealed record BotFrameworkIdentity(bool Valid, string? Reason, string? ServiceUrl, IReadOnlySet<string>? EndorsedChannels)
{
    public static BotFrameworkIdentity Refused(string reason) => new(false, reason, null, null);

    /// <summary>No keys could be fetched yet, so nothing can be checked: the channel should try again later (503).</summary>
    public static BotFrameworkIdentity Unreachable() => new(false, KeysUnavailable, null, null);

    public const string KeysUnavailable = "signing keys unavailable";

    public bool KeysMissing => Reason == KeysUnavailable;

    /// <returns>Why the activity is not what the token was issued for, or null when it is.</returns>
    public string? Mismatch(Activity activity)
    {
        if (ServiceUrl is null || !string.Equals(ServiceUrl.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        }

        return EndorsedChannels is not null && !EndorsedChannels.Contains(activity.ChannelId!)
            ? "the token's signing key does not endorse the activity's channel"
            : null;
    }
}
