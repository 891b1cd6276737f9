using System.Buffers.Text;
using System.Text;

namespace GridBot.Host.Channels.WeCom.AiBot;

/// <summary>
/// A stream's id is its message's msgid, Base64url-encoded: a refresh callback (which carries only the stream id)
/// finds the turn's stored answer on any host without a separate stream table.
/// </summary>
internal static class AiBotStreamId
{
    private const string Prefix = "gb-";

    public static string For(string msgid) => Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(msgid));

    public static string? MsgidOf(string? streamId)
    {
        if (streamId is null || !streamId.StartsWith(Prefix, StringComparison.Ordinal) || streamId.Length > 400)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(streamId.AsSpan(Prefix.Length)));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
