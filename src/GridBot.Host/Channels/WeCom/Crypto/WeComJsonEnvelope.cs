using System.Text.Json;

namespace GridBot.Host.Channels.WeCom.Crypto;

/// <summary>
/// JSON envelopes: inbound <c>{"encrypt":"…"}</c> (智能机器人; app JSON callbacks add
/// <c>tousername</c>/<c>agentid</c>) and the passive reply
/// <c>{"encrypt","msgsignature","timestamp","nonce"}</c>.
/// </summary>
public static class WeComJsonEnvelope
{
    private static readonly JsonDocumentOptions SafeOptions = new()
    {
        MaxDepth = 16,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Parses an inbound JSON callback body. Never throws on hostile input: anything but an
    /// object with exactly one string <c>encrypt</c> gives <see cref="WeComCryptoError.ParseEnvelope"/>.
    /// </summary>
    public static WeComCryptoResult<WeComInboundEnvelope> Parse(string? body)
    {
        if (string.IsNullOrEmpty(body) || body.Length > WeComInboundEnvelope.MaxBodyLength)
        {
            return Fail();
        }

        try
        {
            using var document = JsonDocument.Parse(body, SafeOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail();
            }

            string? encrypt = null;
            string? toUserName = null;
            string? agentId = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    // JSON allows duplicate keys; which copy a reader picks differs between
                    // parsers, so a second "encrypt" is refused like a second <Encrypt>.
                    case "encrypt" when encrypt is not null || property.Value.ValueKind != JsonValueKind.String:
                        return Fail();
                    case "encrypt":
                        encrypt = property.Value.GetString();
                        break;
                    case "tousername" when property.Value.ValueKind == JsonValueKind.String:
                        toUserName = property.Value.GetString();
                        break;
                    case "agentid" when property.Value.ValueKind is JsonValueKind.Number:
                        agentId = property.Value.GetRawText();
                        break;
                    case "agentid" when property.Value.ValueKind is JsonValueKind.String:
                        agentId = property.Value.GetString();
                        break;
                }
            }

            return string.IsNullOrEmpty(encrypt)
                ? Fail()
                : WeComCryptoResult<WeComInboundEnvelope>.Success(new WeComInboundEnvelope(encrypt, toUserName, agentId));
        }
        catch (JsonException)
        {
            return Fail();
        }
    }

    /// <summary>
    /// Builds the passive-reply body, byte-for-byte as the peer vectors (key <c>msgsignature</c>
    /// without underscore, timestamp as a string).
    /// </summary>
    public static string BuildReply(WeComSealedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Hand-built on purpose: System.Text.Json's default encoder escapes '+' as \u002B, which is
        // valid JSON but not byte-identical to Tencent's output. The fields need no escaping
        // (WeComSealedMessage restricts their charset).
        return $"{{\"encrypt\":\"{message.Encrypt}\",\"msgsignature\":\"{message.MsgSignature}\","
            + $"\"timestamp\":\"{message.Timestamp}\",\"nonce\":\"{message.Nonce}\"}}";
    }

    private static WeComCryptoResult<WeComInboundEnvelope> Fail() =>
        WeComCryptoResult<WeComInboundEnvelope>.Failure(WeComCryptoError.ParseEnvelope);
}
