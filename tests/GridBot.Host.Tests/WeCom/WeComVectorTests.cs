using GridBot.Host.Channels.WeCom.Crypto;
using Xunit;

namespace GridBot.Host.Tests.WeCom;

/// <summary>Every vector in Data/vectors.json (Tencent-published and @wecom/crypto-generated) byte for byte.</summary>
public sealed class WeComVectorTests
{
    public static TheoryData<string> VerifyUrlVectors => WeComVectors.IdsOfKind("verifyurl");

    public static TheoryData<string> DecryptVectors => WeComVectors.IdsOfKind("decrypt");

    public static TheoryData<string> EncryptVectors => WeComVectors.IdsOfKind("encrypt");

    public static TheoryData<string> NegativeVectors => WeComVectors.IdsOfKind("negative");

    [Fact]
    public void VectorFileHoldsAllNineteenVectorsOfEveryKind()
    {
        Assert.Equal(19, WeComVectors.All.Count);
        Assert.Equal(2, WeComVectors.All.Count(v => v.Kind == "verifyurl"));
        Assert.Equal(3, WeComVectors.All.Count(v => v.Kind == "decrypt"));
        Assert.Equal(8, WeComVectors.All.Count(v => v.Kind == "encrypt"));
        Assert.Equal(6, WeComVectors.All.Count(v => v.Kind == "negative"));
    }

    [Theory]
    [MemberData(nameof(VerifyUrlVectors))]
    public void VerifyUrlReturnsThePlaintextTencentPublished(string id)
    {
        var v = WeComVectors.Get(id);
        var crypto = new WeComCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var result = crypto.VerifyUrl(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt);

        Assert.Equal(WeComCryptoError.None, result.Error);
        Assert.Equal(v.ExpectedString("plaintext"), result.Value);
    }

    [Theory]
    [MemberData(nameof(DecryptVectors))]
    public void DecryptReturnsThePlaintextTencentPublished(string id)
    {
        var v = WeComVectors.Get(id);
        var crypto = new WeComCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var result = v.PostBody switch
        {
            null => crypto.Decrypt(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt),
            var body when body.TrimStart().StartsWith('{') => crypto.DecryptJsonBody(v.MsgSignature, v.Timestamp, v.Nonce, body),
            var body => crypto.DecryptXmlBody(v.MsgSignature, v.Timestamp, v.Nonce, body),
        };

        Assert.Equal(WeComCryptoError.None, result.Error);
        Assert.Equal(v.ExpectedString("plaintext"), result.Value);
    }

    [Theory]
    [MemberData(nameof(EncryptVectors))]
    public void EncryptMatchesTencentVectorByteForByte(string id)
    {
        var v = WeComVectors.Get(id);
        var crypto = new WeComCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var sealedMessage = crypto.Seal(v.Plaintext!, v.Timestamp, v.Nonce, Convert.FromHexString(v.RandomHex!));
        var envelope = v.Format == "json"
            ? WeComJsonEnvelope.BuildReply(sealedMessage)
            : WeComXmlEnvelope.BuildReply(sealedMessage);

        Assert.Equal(v.ExpectedString("encrypt"), sealedMessage.Encrypt);
        Assert.Equal(v.ExpectedString("msg_signature"), sealedMessage.MsgSignature);
        Assert.Equal(v.ExpectedString("msg_signature"), crypto.Sign(v.Timestamp, v.Nonce, sealedMessage.Encrypt));
        Assert.Equal(v.ExpectedString("envelope"), envelope);
    }

    [Theory]
    [MemberData(nameof(EncryptVectors))]
    public void EncryptVectorDecryptsBackToItsPlaintext(string id)
    {
        var v = WeComVectors.Get(id);
        var crypto = new WeComCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var result = crypto.Decrypt(v.ExpectedString("msg_signature"), v.Timestamp, v.Nonce, v.ExpectedString("encrypt"));

        Assert.Equal(WeComCryptoError.None, result.Error);
        Assert.Equal(v.Plaintext, result.Value);
    }

    [Theory]
    [MemberData(nameof(NegativeVectors))]
    public void NegativeVectorIsRejectedWithTheOfficialErrorCode(string id)
    {
        var v = WeComVectors.Get(id);
        var crypto = new WeComCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var result = crypto.Decrypt(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt);

        Assert.False(result.IsSuccess);
        Assert.Equal(v.ExpectedErrorCode, result.Code);
    }
}
