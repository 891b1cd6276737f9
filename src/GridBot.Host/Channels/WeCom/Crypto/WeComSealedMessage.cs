namespace GridBot.Host.Channels.WeCom.Crypto;

/// <summary>
/// An encrypted and signed passive reply, ready to be written as an XML or JSON envelope.
/// Every field is restricted to a charset that needs no escaping, which is what lets the envelope
/// builders emit exactly the bytes Tencent's samples emit.
/// </summary>
public sealed class WeComSealedMessage
{
    /// <summary>Creates the message; throws <see cref="ArgumentException"/> if a field is outside its safe charset.</summary>
    /// <param name="encrypt">Base64 ciphertext.</param>
    /// <param name="msgSignature">40 lowercase hex characters.</param>
    /// <param name="timestamp">Unix seconds as decimal digits.</param>
    /// <param name="nonce">1–64 characters from [A-Za-z0-9_-].</param>
    public WeComSealedMessage(string encrypt, string msgSignature, string timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(encrypt);
        ArgumentNullException.ThrowIfNull(msgSignature);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);

        if (encrypt.Length == 0 || !encrypt.All(IsBase64Char))
        {
            throw new ArgumentException("Encrypt must be non-empty Base64.", nameof(encrypt));
        }

        if (msgSignature.Length != 40 || !msgSignature.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("MsgSignature must be 40 lowercase hex characters.", nameof(msgSignature));
        }

        // The XML reply puts TimeStamp outside CDATA, so anything but digits could inject markup.
        if (timestamp.Length is 0 or > 20 || !timestamp.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Timestamp must be 1-20 decimal digits.", nameof(timestamp));
        }

        // Generate the nonce yourself (WeComCrypto.CreateNonce); echoing a request's nonce would let
        // a caller put "]]>" or quotes into our envelope.
        if (nonce.Length is 0 or > 64 || !nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException("Nonce must be 1-64 characters from [A-Za-z0-9_-].", nameof(nonce));
        }

        Encrypt = encrypt;
        MsgSignature = msgSignature;
        Timestamp = timestamp;
        Nonce = nonce;
    }

    /// <summary>Base64 ciphertext.</summary>
    public string Encrypt { get; }

    /// <summary>SHA1 signature over the ordinal-sorted token, timestamp, nonce and encrypt.</summary>
    public string MsgSignature { get; }

    /// <summary>Unix seconds, as sent in the envelope.</summary>
    public string Timestamp { get; }

    /// <summary>The nonce, as sent in the envelope.</summary>
    public string Nonce { get; }

    private static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';
}
