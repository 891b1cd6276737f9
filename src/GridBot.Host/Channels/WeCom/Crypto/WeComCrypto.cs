using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GridBot.Host.Channels.WeCom.Crypto;

/// <summary>
/// WeCom callback encryption ("WXBizMsgCrypt"), as used by app callbacks (receiveid = CorpID)
/// and 企业内部智能机器人 callbacks (receiveid = ""). Plaintext layout:
/// <c>random[16] | msg_len[4, big-endian] | msg (UTF-8) | receiveid (UTF-8)</c>, padded PKCS#7-style
/// to 32 bytes, AES-256-CBC with IV = key[0..16), Base64. Signature:
/// <c>hex(SHA1(concat(ordinal_sort(token, timestamp, nonce, encrypt))))</c>.
/// Thread-safe; create one instance per configured app or bot.
/// </summary>
public sealed class WeComCrypto
{
    private const int RandomLength = 16;
    private const int HeaderLength = RandomLength + 4;

    // WeCom pads to 32 bytes, not to the AES block size, so PaddingMode.PKCS7 (16) breaks interop
    // whenever the pad is over 16; padding is done by hand with PaddingMode.None.
    private const int PadBlock = 32;

    private readonly string _token;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _receiveId;

    /// <summary>Creates the crypto for one app or bot.</summary>
    /// <param name="token">The callback Token from the admin console (only used in signatures).</param>
    /// <param name="encodingAesKey">The 43-character EncodingAESKey from the admin console.</param>
    /// <param name="receiveId">
    /// CorpID for app and customer-contact callbacks; "" for 企业内部智能机器人. An empty value skips
    /// the receiveid comparison, as Tencent's Go JSON sample and @wecom/aibot-node-sdk do.
    /// </param>
    /// <exception cref="ArgumentException">A configuration value is missing or malformed.</exception>
    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        ArgumentNullException.ThrowIfNull(receiveId);

        _token = token;
        _key = DecodeEncodingAesKey(encodingAesKey);
        _iv = _key[..16];
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
        ReceiveId = receiveId;
    }

    /// <summary>The receiveid this instance writes into replies and expects in callbacks.</summary>
    public string ReceiveId { get; }

    /// <summary>Returns a fresh 16-digit nonce for a passive reply.</summary>
    public static string CreateNonce() => RandomNumberGenerator.GetString("0123456789", 16);

    /// <summary>Computes msg_signature: lowercase hex SHA1 of the ordinal-sorted, concatenated parts.</summary>
    public string Sign(string timestamp, string nonce, string encrypt)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(encrypt);
        return Convert.ToHexStringLower(ComputeSignature(timestamp, nonce, encrypt));
    }

    /// <summary>
    /// Handles the GET URL verification: checks msg_signature over <paramref name="echostr"/>
    /// (already URL-decoded), decrypts it and returns the plaintext to echo as the whole response body.
    /// </summary>
    public WeComCryptoResult<string> VerifyUrl(string? signature, string? timestamp, string? nonce, string? echostr)
    {
        var result = Decrypt(signature, timestamp, nonce, echostr);

        // A proxy that form-decodes the query turns Base64 '+' into ' '; the signature was made over
        // '+', so retrying with '+' restored cannot accept anything that was not signed.
        if (result.Error == WeComCryptoError.ValidateSignature && echostr is not null && echostr.Contains(' ', StringComparison.Ordinal))
        {
            result = Decrypt(signature, timestamp, nonce, echostr.Replace(' ', '+'));
        }

        return result;
    }

    /// <summary>
    /// Verifies msg_signature over <paramref name="encrypt"/>, decrypts it, strictly checks padding,
    /// msg_len and receiveid, and returns the message. Never throws on hostile input.
    /// </summary>
    public WeComCryptoResult<string> Decrypt(string? signature, string? timestamp, string? nonce, string? encrypt)
    {
        if (signature is null || timestamp is null || nonce is null || encrypt is null)
        {
            return Fail(WeComCryptoError.ValidateSignature);
        }

        // Signature first: without the token an attacker cannot reach the AES and padding code,
        // so the distinct error codes below cannot serve as a padding oracle.
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(ComputeSignature(timestamp, nonce, encrypt)));
        var actual = Encoding.UTF8.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return Fail(WeComCryptoError.ValidateSignature);
        }

        return DecryptPayload(encrypt);
    }

    /// <summary>Parses an inbound XML callback body, then <see cref="Decrypt"/>s its Encrypt value.</summary>
    public WeComCryptoResult<string> DecryptXmlBody(string? signature, string? timestamp, string? nonce, string? body)
    {
        var envelope = WeComXmlEnvelope.Parse(body);
        return envelope.IsSuccess ? Decrypt(signature, timestamp, nonce, envelope.Value.Encrypt) : Fail(envelope.Error);
    }

    /// <summary>Parses an inbound JSON callback body, then <see cref="Decrypt"/>s its encrypt value.</summary>
    public WeComCryptoResult<string> DecryptJsonBody(string? signature, string? timestamp, string? nonce, string? body)
    {
        var envelope = WeComJsonEnvelope.Parse(body);
        return envelope.IsSuccess ? Decrypt(signature, timestamp, nonce, envelope.Value.Encrypt) : Fail(envelope.Error);
    }

    /// <summary>Encrypts <paramref name="plain"/> with 16 cryptographically random prefix bytes.</summary>
    public string Encrypt(string plain)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(plain, random);
    }

    /// <summary>
    /// Encrypts <paramref name="plain"/> with the given 16 prefix bytes. Deterministic, so it can be
    /// checked byte-for-byte against Tencent's library; production code uses <see cref="Encrypt(string)"/>.
    /// </summary>
    public string Encrypt(string plain, ReadOnlySpan<byte> random16)
    {
        ArgumentNullException.ThrowIfNull(plain);
        if (random16.Length != RandomLength)
        {
            throw new ArgumentException($"The random prefix must be exactly {RandomLength} bytes.", nameof(random16));
        }

        // msg_len counts UTF-8 bytes, not chars.
        var messageLength = Encoding.UTF8.GetByteCount(plain);
        var rawLength = HeaderLength + messageLength + _receiveId.Length;
        var pad = PadBlock - (rawLength % PadBlock);
        var buffer = new byte[rawLength + pad];

        random16.CopyTo(buffer);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(RandomLength, 4), (uint)messageLength);
        Encoding.UTF8.GetBytes(plain, buffer.AsSpan(HeaderLength, messageLength));
        _receiveId.CopyTo(buffer.AsSpan(HeaderLength + messageLength));
        buffer.AsSpan(rawLength).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        var cipher = aes.EncryptCbc(buffer, _iv, PaddingMode.None);
        CryptographicOperations.ZeroMemory(buffer);
        return Convert.ToBase64String(cipher);
    }

    /// <summary>
    /// Encrypts and signs a passive reply. Pass your own <paramref name="timestamp"/> (Unix seconds)
    /// and a nonce from <see cref="CreateNonce"/>; both are validated (see <see cref="WeComSealedMessage"/>).
    /// </summary>
    public WeComSealedMessage Seal(string plain, string timestamp, string nonce)
    {
        var encrypt = Encrypt(plain);
        return new WeComSealedMessage(encrypt, Sign(timestamp, nonce, encrypt), timestamp, nonce);
    }

    /// <summary>Deterministic <see cref="Seal(string, string, string)"/> for byte-exact tests.</summary>
    public WeComSealedMessage Seal(string plain, string timestamp, string nonce, ReadOnlySpan<byte> random16)
    {
        var encrypt = Encrypt(plain, random16);
        return new WeComSealedMessage(encrypt, Sign(timestamp, nonce, encrypt), timestamp, nonce);
    }

    private byte[] ComputeSignature(string timestamp, string nonce, string encrypt)
    {
        // Ordinal, never culture-aware: the default comparer orders e.g. "Zeta" and "abc" differently
        // from Tencent's byte order and yields a different signature.
        string[] parts = [_token, timestamp, nonce, encrypt];
        Array.Sort(parts, StringComparer.Ordinal);
        return SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
    }

    private WeComCryptoResult<string> DecryptPayload(string encrypt)
    {
        // Convert.TryFromBase64String skips whitespace; WeCom never sends any, so refuse it to
        // keep one canonical reading of the signed string.
        foreach (var c in encrypt)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return Fail(WeComCryptoError.DecodeBase64);
            }
        }

        var cipher = new byte[(encrypt.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(encrypt, cipher, out var cipherLength))
        {
            return Fail(WeComCryptoError.DecodeBase64);
        }

        if (cipherLength == 0 || cipherLength % 16 != 0)
        {
            return Fail(WeComCryptoError.DecryptAes);
        }

        byte[] padded;
        try
        {
            using var aes = Aes.Create();
            aes.Key = _key;
            padded = aes.DecryptCbc(cipher.AsSpan(0, cipherLength), _iv, PaddingMode.None);
        }
        catch (CryptographicException)
        {
            return Fail(WeComCryptoError.DecryptAes);
        }

        try
        {
            return Unpack(padded);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
        }
    }

    private WeComCryptoResult<string> Unpack(byte[] padded)
    {
        // Strict, like @wecom/aibot-node-sdk: a wrong key or a forged body must fail here even when
        // receiveid is "" and there is nothing else to compare (the official samples check little).
        int pad = padded[^1];
        if (pad is < 1 or > PadBlock || pad > padded.Length)
        {
            return Fail(WeComCryptoError.IllegalBuffer);
        }

        if (padded.AsSpan(padded.Length - pad).ContainsAnyExcept((byte)pad))
        {
            return Fail(WeComCryptoError.IllegalBuffer);
        }

        var plain = padded.AsSpan(0, padded.Length - pad);
        if (plain.Length < HeaderLength)
        {
            return Fail(WeComCryptoError.IllegalBuffer);
        }

        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(plain.Slice(RandomLength, 4));
        if (messageLength > (uint)(plain.Length - HeaderLength))
        {
            return Fail(WeComCryptoError.IllegalBuffer);
        }

        var message = plain.Slice(HeaderLength, (int)messageLength);
        var receiveId = plain[(HeaderLength + (int)messageLength)..];
        if (_receiveId.Length != 0 && !receiveId.SequenceEqual(_receiveId))
        {
            return Fail(WeComCryptoError.ValidateReceiveId);
        }

        return WeComCryptoResult<string>.Success(Encoding.UTF8.GetString(message));
    }

    private static byte[] DecodeEncodingAesKey(string encodingAesKey)
    {
        // Configuration errors are programming errors, so they throw (naming the official code)
        // instead of returning a result; the key itself is never put into the message.
        if (encodingAesKey.Length != 43)
        {
            throw new ArgumentException(
                $"EncodingAESKey must be exactly 43 characters, got {encodingAesKey.Length} (WeCom IllegalAesKey -40004).",
                nameof(encodingAesKey));
        }

        if (!encodingAesKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
        {
            throw new ArgumentException(
                "EncodingAESKey may only contain Base64 characters [A-Za-z0-9+/] (WeCom IllegalAesKey -40004).",
                nameof(encodingAesKey));
        }

        // The last character usually carries non-zero trailing bits (non-canonical Base64);
        // Convert.FromBase64String accepts that, as Node and Python do.
        var key = Convert.FromBase64String(encodingAesKey + "=");
        if (key.Length != 32)
        {
            throw new ArgumentException(
                $"EncodingAESKey must decode to 32 bytes, got {key.Length} (WeCom IllegalAesKey -40004).",
                nameof(encodingAesKey));
        }

        return key;
    }

    private static WeComCryptoResult<string> Fail(WeComCryptoError error) => WeComCryptoResult<string>.Failure(error);
}
