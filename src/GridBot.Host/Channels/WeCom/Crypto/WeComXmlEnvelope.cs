using System.Xml;
using System.Xml.Linq;

namespace GridBot.Host.Channels.WeCom.Crypto;

/// <summary>
/// XML envelopes of self-built app callbacks:
/// inbound <c>&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;AgentID/&gt;&lt;/xml&gt;</c> and the passive reply
/// <c>&lt;xml&gt;&lt;Encrypt/&gt;&lt;MsgSignature/&gt;&lt;TimeStamp/&gt;&lt;Nonce/&gt;&lt;/xml&gt;</c>.
/// </summary>
public static class WeComXmlEnvelope
{
    // The body arrives before the signature can be checked, so the parser must be safe against
    // DTDs (billion laughs), external entities (XXE) and size attacks.
    private static readonly XmlReaderSettings SafeSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = WeComInboundEnvelope.MaxBodyLength,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>
    /// Parses an inbound XML callback body. Never throws on hostile input: anything but a
    /// well-formed <c>&lt;xml&gt;</c> root with exactly one text <c>Encrypt</c> child gives
    /// <see cref="WeComCryptoError.ParseEnvelope"/>.
    /// </summary>
    public static WeComCryptoResult<WeComInboundEnvelope> Parse(string? body)
    {
        if (string.IsNullOrEmpty(body) || body.Length > WeComInboundEnvelope.MaxBodyLength)
        {
            return Fail();
        }

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), SafeSettings);
            root = XDocument.Load(reader).Root!;
        }
        catch (XmlException)
        {
            return Fail();
        }

        if (root.Name != "xml")
        {
            return Fail();
        }

        // Two Encrypt elements would make "which one was signed" ambiguous; refuse rather than guess.
        var encrypts = root.Elements("Encrypt").Take(2).ToList();
        if (encrypts.Count != 1 || encrypts[0].HasElements || encrypts[0].Value.Length == 0)
        {
            return Fail();
        }

        return WeComCryptoResult<WeComInboundEnvelope>.Success(new WeComInboundEnvelope(
            encrypts[0].Value,
            root.Element("ToUserName")?.Value,
            root.Element("AgentID")?.Value));
    }

    /// <summary>Builds the passive-reply body, byte-for-byte as Tencent's samples and the peer vectors.</summary>
    public static string BuildReply(WeComSealedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // String concatenation is safe: WeComSealedMessage restricts every field to a charset
        // that cannot end a CDATA section or open a tag.
        return "<xml>\n"
            + $"<Encrypt><![CDATA[{message.Encrypt}]]></Encrypt>\n"
            + $"<MsgSignature><![CDATA[{message.MsgSignature}]]></MsgSignature>\n"
            + $"<TimeStamp>{message.Timestamp}</TimeStamp>\n"
            + $"<Nonce><![CDATA[{message.Nonce}]]></Nonce>\n"
            + "</xml>";
    }

    private static WeComCryptoResult<WeComInboundEnvelope> Fail() =>
        WeComCryptoResult<WeComInboundEnvelope>.Failure(WeComCryptoError.ParseEnvelope);
}
