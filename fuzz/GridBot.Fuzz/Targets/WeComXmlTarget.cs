using System.Text;
using GridBot.Host.Channels.WeCom.App;
using GridBot.Host.Channels.WeCom.Crypto;

namespace GridBot.Fuzz.Targets;

/// <summary>
/// The self-built app callback: the XML envelope read before the signature is checked, and the decrypted message
/// XML (AppCallbackMessage) read after it. Both parsers see the same bytes.
/// </summary>
internal static class WeComXmlTarget
{
    public static void Run(byte[] input)
    {
        var body = Encoding.UTF8.GetString(input);
        var envelope = WeComXmlEnvelope.Parse(body);
        if (envelope.IsSuccess)
        {
            var signature = FuzzKeys.App.Sign(FuzzKeys.Timestamp, FuzzKeys.Nonce, envelope.Value.Encrypt);
            _ = FuzzKeys.App.DecryptXmlBody(signature, FuzzKeys.Timestamp, FuzzKeys.Nonce, body);
        }

        // Null is the parser's "unreadable" answer; AppCallbackHandler ignores such a callback.
        _ = AppCallbackMessage.Parse(body);
    }
}
