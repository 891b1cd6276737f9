using System.Text;
using System.Text.Json;
using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.Crypto;

namespace GridBot.Fuzz.Targets;

/// <summary>
/// The 智能机器人 callback body before anything is authenticated: the JSON envelope, then (signed correctly, as if the
/// attacker knew the token) decryption and the callback model the endpoint reads from the plaintext.
/// </summary>
internal static class WeComJsonTarget
{
    public static void Run(byte[] input)
    {
        var body = Encoding.UTF8.GetString(input);
        var envelope = WeComJsonEnvelope.Parse(body);

        // A wrong signature must be refused before any decryption, whatever the body.
        if (FuzzKeys.AiBot.DecryptJsonBody("0000000000000000000000000000000000000000", FuzzKeys.Timestamp, FuzzKeys.Nonce, body).IsSuccess)
        {
            throw new InvalidOperationException("A body with a wrong signature was decrypted.");
        }

        if (!envelope.IsSuccess)
        {
            return;
        }

        var signature = FuzzKeys.AiBot.Sign(FuzzKeys.Timestamp, FuzzKeys.Nonce, envelope.Value.Encrypt);
        var plain = FuzzKeys.AiBot.DecryptJsonBody(signature, FuzzKeys.Timestamp, FuzzKeys.Nonce, body);
        if (!plain.IsSuccess)
        {
            return;
        }

        // As WeComCallbackEndpoints reads the plaintext: junk JSON is a 400, nothing else is expected.
        try
        {
            _ = JsonSerializer.Deserialize(plain.Value, WeComJson.Relaxed.AiBotCallback);
        }
        catch (JsonException)
        {
        }
    }
}
