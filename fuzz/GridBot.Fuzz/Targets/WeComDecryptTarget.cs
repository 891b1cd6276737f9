using System.Text;

namespace GridBot.Fuzz.Targets;

/// <summary>
/// The ciphertext itself, signed correctly so every check after the signature is reached: the Base64 charset and
/// decoding, the AES block length, the 32-byte padding, msg_len and receiveid, then UTF-8 decoding of the message.
/// </summary>
internal static class WeComDecryptTarget
{
    public static void Run(byte[] input)
    {
        var encrypt = Encoding.UTF8.GetString(input);
        foreach (var crypto in new[] { FuzzKeys.App, FuzzKeys.AiBot })
        {
            var signature = crypto.Sign(FuzzKeys.Timestamp, FuzzKeys.Nonce, encrypt);
            _ = crypto.Decrypt(signature, FuzzKeys.Timestamp, FuzzKeys.Nonce, encrypt);

            // The GET URL check retries with '+' restored, another path over the same bytes.
            _ = crypto.VerifyUrl(signature, FuzzKeys.Timestamp, FuzzKeys.Nonce, encrypt);
        }
    }
}
