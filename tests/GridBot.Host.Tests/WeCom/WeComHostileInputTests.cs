using System.Text;
using GridBot.Host.Channels.WeCom.Crypto;
using Xunit;

namespace GridBot.Host.Tests.WeCom;

/// <summary>Hostile or broken input must come back as the official error code, never as an exception.</summary>
public sealed class WeComHostileInputTests
{
    private const string Token = "GridBotToken";
    private const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string OtherKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string Corp = "ww1436e0e65a779aee";
    private const string Timestamp = "1735689600";
    private const string Nonce = "1234567890";
    private static readonly byte[] FixedRandom = Convert.FromHexString("00112233445566778899aabbccddeeff");

    private readonly WeComCrypto _crypto = new(Token, Key, Corp);

    [Theory]
    [InlineData("not base64!!")]
    [InlineData("QUJD RA==")]
    [InlineData("QUJDRA=")]
    [InlineData("QUJ=RA==")]
    [InlineData("\u4e2d\u6587")]
    public void BadBase64IsRejectedWithDecodeBase64Code(string encrypt)
    {
        var result = DecryptSigned(_crypto, encrypt);

        Assert.Equal(WeComCryptoError.DecodeBase64, result.Error);
        Assert.Equal(-40010, result.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(40)]
    public void CiphertextThatIsNotWholeAesBlocksIsRejectedWithDecryptAesCode(int keepBytes)
    {
        var cipher = Convert.FromBase64String(_crypto.Encrypt("hello", FixedRandom));
        var truncated = Convert.ToBase64String(cipher.AsSpan(0, keepBytes));

        var result = DecryptSigned(_crypto, truncated);

        Assert.Equal(WeComCryptoError.DecryptAes, result.Error);
        Assert.Equal(-40007, result.Code);
    }

    [Fact]
    public void CiphertextCutAtABlockBoundaryIsRejectedWithIllegalBufferCode()
    {
        var cipher = Convert.FromBase64String(_crypto.Encrypt(new string('x', 100), FixedRandom));
        var truncated = Convert.ToBase64String(cipher.AsSpan(0, 48));

        Assert.Equal(WeComCryptoError.IllegalBuffer, DecryptSigned(_crypto, truncated).Error);
    }

    [Theory]
    [InlineData(Corp)]
    [InlineData("")]
    public void CiphertextFromAnotherKeyIsRejectedWithIllegalBufferCode(string receiveId)
    {
        var sender = new WeComCrypto(Token, OtherKey, receiveId);
        var receiver = new WeComCrypto(Token, Key, receiveId);
        var encrypt = sender.Encrypt("{\"msgtype\":\"text\"}", FixedRandom);

        var result = DecryptSigned(receiver, encrypt);

        Assert.Equal(WeComCryptoError.IllegalBuffer, result.Error);
        Assert.Equal(-40008, result.Code);
    }

    [Theory]
    [InlineData("wwSOMEOTHERCORP")]
    [InlineData("ww1436e0e65a779ae")]
    [InlineData("ww1436e0e65a779aeee")]
    [InlineData("")]
    public void CiphertextForAnotherReceiveIdIsRejectedWithValidateReceiveIdCode(string senderReceiveId)
    {
        var sender = new WeComCrypto(Token, Key, senderReceiveId);

        var result = DecryptSigned(_crypto, sender.Encrypt("hello", FixedRandom));

        Assert.Equal(WeComCryptoError.ValidateReceiveId, result.Error);
        Assert.Equal(-40005, result.Code);
    }

    [Fact]
    public void EmptyConfiguredReceiveIdSkipsTheComparisonLikeTencentsBotSdk()
    {
        var sender = new WeComCrypto(Token, Key, Corp);
        var bot = new WeComCrypto(Token, Key, "");

        var result = DecryptSigned(bot, sender.Encrypt("hello", FixedRandom));

        Assert.Equal("hello", result.Value);
    }

    [Theory]
    [InlineData(null, Timestamp, Nonce)]
    [InlineData("", Timestamp, Nonce)]
    [InlineData("0000000000000000000000000000000000000000", Timestamp, Nonce)]
    [InlineData("SIGNATURE", null, Nonce)]
    [InlineData("SIGNATURE", Timestamp, null)]
    public void MissingOrWrongSignatureIsRejectedWithValidateSignatureCode(string? signature, string? timestamp, string? nonce)
    {
        var encrypt = _crypto.Encrypt("hello", FixedRandom);
        var validSignature = _crypto.Sign(Timestamp, Nonce, encrypt);

        var result = _crypto.Decrypt(signature == "SIGNATURE" ? validSignature : signature, timestamp, nonce, encrypt);

        Assert.Equal(WeComCryptoError.ValidateSignature, result.Error);
        Assert.Equal(-40001, result.Code);
    }

    [Fact]
    public void UppercaseSignatureIsRejectedBecauseWeComSendsLowercaseHex()
    {
        var encrypt = _crypto.Encrypt("hello", FixedRandom);
        var signature = _crypto.Sign(Timestamp, Nonce, encrypt).ToUpperInvariant();

        Assert.Equal(WeComCryptoError.ValidateSignature, _crypto.Decrypt(signature, Timestamp, Nonce, encrypt).Error);
    }

    [Fact]
    public void NullEncryptIsRejectedWithoutThrowing()
    {
        Assert.Equal(WeComCryptoError.ValidateSignature, _crypto.Decrypt("x", Timestamp, Nonce, null).Error);
        Assert.Equal(WeComCryptoError.ValidateSignature, _crypto.VerifyUrl(null, null, null, null).Error);
    }

    [Fact]
    public void VerifyUrlRestoresPlusSignsThatAProxyTurnedIntoSpaces()
    {
        var random = new byte[16];
        string encrypt;
        do
        {
            // Find a ciphertext with a '+' in it (deterministically: the loop walks the random prefix).
            random[0]++;
            encrypt = _crypto.Encrypt("1616140317555161061", random);
        }
        while (!encrypt.Contains('+', StringComparison.Ordinal));
        var signature = _crypto.Sign(Timestamp, Nonce, encrypt);

        var result = _crypto.VerifyUrl(signature, Timestamp, Nonce, encrypt.Replace('+', ' '));

        Assert.Equal("1616140317555161061", result.Value);
    }

    [Fact]
    public void EveryPadLengthFromOneToThirtyTwoRoundTrips()
    {
        var pads = new HashSet<int>();
        for (var length = 0; length < 64; length++)
        {
            var message = new string('a', length);
            var encrypt = _crypto.Encrypt(message, FixedRandom);
            var cipher = Convert.FromBase64String(encrypt);
            pads.Add(32 - ((20 + length + Corp.Length) % 32));

            Assert.Equal(0, cipher.Length % 32);
            Assert.Equal(message, DecryptSigned(_crypto, encrypt).Value);
        }

        Assert.Equal(Enumerable.Range(1, 32), pads.Order());
    }

    [Fact]
    public void RandomPrefixMakesEveryEncryptionDifferent()
    {
        var first = _crypto.Encrypt("同一条消息");
        var second = _crypto.Encrypt("同一条消息");

        Assert.NotEqual(first, second);
        Assert.Equal("同一条消息", DecryptSigned(_crypto, first).Value);
        Assert.Equal("同一条消息", DecryptSigned(_crypto, second).Value);
    }

    [Fact]
    public void XmlEnvelopeWithExternalEntityIsRejectedWithParseCode()
    {
        var body = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><ToUserName>&xxe;</ToUserName><Encrypt><![CDATA[QUJD]]></Encrypt></xml>";

        Assert.Equal(WeComCryptoError.ParseEnvelope, WeComXmlEnvelope.Parse(body).Error);
        Assert.Equal(-40002, _crypto.DecryptXmlBody("s", Timestamp, Nonce, body).Code);
    }

    [Fact]
    public void XmlEnvelopeWithEntityExpansionBombIsRejectedWithParseCode()
    {
        var body = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><Encrypt>&c;</Encrypt></xml>";

        Assert.Equal(WeComCryptoError.ParseEnvelope, WeComXmlEnvelope.Parse(body).Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<xml><Encrypt>QUJD</Encrypt>")]
    [InlineData("<root><Encrypt>QUJD</Encrypt></root>")]
    [InlineData("<xml><ToUserName>ww</ToUserName></xml>")]
    [InlineData("<xml><Encrypt></Encrypt></xml>")]
    [InlineData("<xml><Encrypt>QUJD</Encrypt><Encrypt>RUZH</Encrypt></xml>")]
    [InlineData("<xml><Encrypt><b>QUJD</b></Encrypt></xml>")]
    [InlineData("<xml><Encrypt>QUJD</Encrypt></xml><xml/>")]
    public void MalformedXmlEnvelopeIsRejectedWithParseCode(string? body)
    {
        Assert.Equal(WeComCryptoError.ParseEnvelope, WeComXmlEnvelope.Parse(body).Error);
    }

    [Fact]
    public void XmlEnvelopeReadsEncryptWithOrWithoutCdataAndKeepsTheHints()
    {
        var cdata = WeComXmlEnvelope.Parse(
            "<xml><ToUserName><![CDATA[ww1]]></ToUserName>\n<Encrypt><![CDATA[QUJD+/==]]></Encrypt>\n<AgentID><![CDATA[1000002]]></AgentID>\n</xml>");
        var plain = WeComXmlEnvelope.Parse("<xml><Encrypt>QUJD+/==</Encrypt><AgentID>218</AgentID></xml>");

        Assert.Equal(new WeComInboundEnvelope("QUJD+/==", "ww1", "1000002"), cdata.Value);
        Assert.Equal(new WeComInboundEnvelope("QUJD+/==", null, "218"), plain.Value);
    }

    [Fact]
    public void HugeEnvelopeIsRejectedWithParseCodeBeforeParsing()
    {
        var padding = new string('A', WeComInboundEnvelope.MaxBodyLength);
        var xml = $"<xml><Encrypt>{padding}</Encrypt></xml>";
        var json = $"{{\"encrypt\":\"{padding}\"}}";

        Assert.Equal(WeComCryptoError.ParseEnvelope, WeComXmlEnvelope.Parse(xml).Error);
        Assert.Equal(WeComCryptoError.ParseEnvelope, WeComJsonEnvelope.Parse(json).Error);
        Assert.Equal(-40002, _crypto.DecryptXmlBody("s", Timestamp, Nonce, xml).Code);
        Assert.Equal(-40002, _crypto.DecryptJsonBody("s", Timestamp, Nonce, json).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[\"encrypt\"]")]
    [InlineData("\"encrypt\"")]
    [InlineData("{}")]
    [InlineData("{\"encrypt\":\"\"}")]
    [InlineData("{\"encrypt\":42}")]
    [InlineData("{\"encrypt\":null}")]
    [InlineData("{\"Encrypt\":\"QUJD\"}")]
    [InlineData("{\"encrypt\":\"QUJD\",\"encrypt\":\"RUZH\"}")]
    [InlineData("{\"encrypt\":\"QUJD\",}")]
    [InlineData("{\"encrypt\":\"QUJD\"} trailing")]
    public void MalformedJsonEnvelopeIsRejectedWithParseCode(string? body)
    {
        Assert.Equal(WeComCryptoError.ParseEnvelope, WeComJsonEnvelope.Parse(body).Error);
    }

    [Fact]
    public void DeeplyNestedJsonEnvelopeIsRejectedWithParseCode()
    {
        var body = "{\"encrypt\":\"QUJD\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";

        Assert.Equal(WeComCryptoError.ParseEnvelope, WeComJsonEnvelope.Parse(body).Error);
    }

    [Fact]
    public void JsonEnvelopeReadsEncryptAndTheAppCallbackHints()
    {
        var bot = WeComJsonEnvelope.Parse("{\"encrypt\":\"QUJD\\u002B/==\"}");
        var app = WeComJsonEnvelope.Parse("{ \"tousername\": \"ww1\", \"encrypt\": \"QUJD\", \"agentid\": 218 }");

        Assert.Equal(new WeComInboundEnvelope("QUJD+/==", null, null), bot.Value);
        Assert.Equal(new WeComInboundEnvelope("QUJD", "ww1", "218"), app.Value);
    }

    [Theory]
    [InlineData("", "EncodingAESKey must be exactly 43 characters")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", "EncodingAESKey must be exactly 43 characters")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", "EncodingAESKey must be exactly 43 characters")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=", "Base64 characters")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDE-_", "Base64 characters")]
    public void MalformedEncodingAesKeyIsRefusedAtConstructionNamingTheProblem(string key, string expectedMessage)
    {
        var error = Assert.Throws<ArgumentException>(() => new WeComCrypto(Token, key, Corp));

        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        Assert.Contains("-40004", error.Message, StringComparison.Ordinal);
        Assert.Equal("encodingAesKey", error.ParamName);
    }

    [Fact]
    public void MissingTokenOrReceiveIdIsRefusedAtConstruction()
    {
        Assert.Throws<ArgumentException>(() => new WeComCrypto("", Key, Corp));
        Assert.Throws<ArgumentNullException>(() => new WeComCrypto(null!, Key, Corp));
        Assert.Throws<ArgumentNullException>(() => new WeComCrypto(Token, Key, null!));
    }

    [Theory]
    [InlineData("1735689600", "a]]>b")]
    [InlineData("1735689600", "a\"b")]
    [InlineData("1735689600", "")]
    [InlineData("17356896<x>", "123")]
    [InlineData("", "123")]
    public void SealRefusesTimestampOrNonceThatWouldBreakTheEnvelope(string timestamp, string nonce)
    {
        Assert.Throws<ArgumentException>(() => _crypto.Seal("hello", timestamp, nonce));
    }

    [Fact]
    public void CreateNonceGivesSixteenDigitsThatSealAccepts()
    {
        var nonce = WeComCrypto.CreateNonce();

        Assert.Equal(16, nonce.Length);
        Assert.All(nonce, c => Assert.True(char.IsAsciiDigit(c)));
        Assert.Equal(nonce, _crypto.Seal("hello", Timestamp, nonce).Nonce);
    }

    [Fact]
    public void EncryptRefusesARandomPrefixThatIsNotSixteenBytes()
    {
        Assert.Throws<ArgumentException>(() => _crypto.Encrypt("hello", new byte[15]));
    }

    [Fact]
    public void SignatureSortIsOrdinalNotCultureAware()
    {
        // "_" (0x5F) sorts between "Z" (0x5A) and "a" (0x61) ordinally; culture-aware comparers put it first.
        var signature = _crypto.Sign("Zeta", "_nonce", "abc");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(
            Encoding.UTF8.GetBytes("GridBotToken" + "Zeta" + "_nonce" + "abc")));

        Assert.Equal(expected, signature);
    }

    private static WeComCryptoResult<string> DecryptSigned(WeComCrypto crypto, string encrypt) =>
        crypto.Decrypt(crypto.Sign(Timestamp, Nonce, encrypt), Timestamp, Nonce, encrypt);
}
