namespace GridBot.Dialogs.Core;

public static class DeliveryModes
{
    public const string Normal = "normal";

    /// <summary>The caller wants the turn's replies in the HTTP response instead of callbacks to serviceUrl.</summary>
    public const string ExpectReplies = "expectReplies";
}
