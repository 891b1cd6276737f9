using System.Text;
using System.Text.Json;
using CsCheck;
using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.AiBot;
using GridBot.Host.Channels.WeCom.App;
using GridBot.Host.Channels.WeCom.Crypto;

namespace GridBot.Host.Tests.Properties;

/// <summary>
/// The WeCom crypto and envelope parsers on any input: what is sealed opens to the same text, and anything else is an
/// official error code, never an exception.
/// </summary>
public sealed class WeComEnvelopePropertyTests
{
    private const string Key = "kWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static readonly WeComCrypto Crypto = new("PropertyToken", Key, "wwproperty000001");

    // Chinese, emoji (4-byte UTF-8), XML and JSON punctuation, control characters and plain junk — as text that came
    // off the wire, i.e. decoded from UTF-8, so a lone surrogate has already become U+FFFD.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Byte.Array[0, 300].Select(b => Encoding.UTF8.GetString(b)),
        Gen.OneOf(Gen.Char["网格楼道灯坏了<>&\"'{}[]:,\\/\0\r\n\t ]]>"].Select(c => c.ToString()), Gen.Const("😀")).Array[0, 300].Select(string.Concat))
        .Select(text => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void AnythingSealedOpensToTheSameTextInBothEnvelopes() =>
        Text.Sample(plain =>
        {
            var sealedMessage = Crypto.Seal(plain, "1732320000", "nonce123");
            var json = Crypto.DecryptJsonBody(sealedMessage.MsgSignature, "1732320000", "nonce123", JsonSerializer.Serialize(new { encrypt = sealedMessage.Encrypt }));
            var xml = Crypto.DecryptXmlBody(sealedMessage.MsgSignature, "1732320000", "nonce123", WeComXmlEnvelope.BuildReply(sealedMessage));
            return json.IsSuccess && json.Value == plain && xml.IsSuccess && xml.Value == plain;
        });

    [Fact]
    public void JunkBodiesSignaturesAndCiphertextsAreErrorsNotExceptions() =>
        Gen.Select(Text, Text, Text).Sample((body, signature, encrypt) =>
        {
            var results = new[]
            {
                Crypto.DecryptJsonBody(signature, "1732320000", "n", body),
                Crypto.DecryptXmlBody(signature, "1732320000", "n", body),
                Crypto.VerifyUrl(signature, "1732320000", "n", encrypt),
                // A correct signature over junk ciphertext reaches base64, AES, padding and length checks.
                Crypto.Decrypt(Crypto.Sign("1732320000", "n", encrypt), "1732320000", "n", encrypt),
            };
            return results.All(r => !r.IsSuccess && r.Code != 0);
        });

    [Fact]
    public void DecryptedCallbackParsersTakeAnyTextWithoutThrowing() =>
        Text.Sample(text =>
        {
            _ = AppCallbackMessage.Parse(text);
            _ = WeComXmlEnvelope.Parse(text);
            _ = WeComJsonEnvelope.Parse(text);
            try
            {
                _ = JsonSerializer.Deserialize(text, WeComJson.Relaxed.AiBotCallback);
            }
            catch (JsonException)
            {
                // The endpoint answers 400 for exactly this; anything else would be a bug.
            }
        });
}
