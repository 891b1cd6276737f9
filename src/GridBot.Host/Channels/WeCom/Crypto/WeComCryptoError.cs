namespace GridBot.Host.Channels.WeCom.Crypto;

/// <summary>
/// Failure codes of the WeCom callback crypto. The numeric values are the official
/// WXBizMsgCrypt codes shared by all of Tencent's samples, so logs can be compared with theirs.
/// They are local codes: WeCom never sends them over the wire.
/// </summary>
public enum WeComCryptoError
{
    /// <summary>Success.</summary>
    None = 0,

    /// <summary>msg_signature does not match (ValidateSignature_Error).</summary>
    ValidateSignature = -40001,

    /// <summary>The XML or JSON envelope is unparsable, oversized or has no Encrypt value (ParseXml/ParseJson_Error).</summary>
    ParseEnvelope = -40002,

    /// <summary>SHA1 failed (ComputeSignature_Error).</summary>
    ComputeSignature = -40003,

    /// <summary>EncodingAESKey is not 43 characters / does not give 32 bytes (IllegalAesKey).</summary>
    IllegalAesKey = -40004,

    /// <summary>The decrypted receiveid is not ours (ValidateCorpid_Error).</summary>
    ValidateReceiveId = -40005,

    /// <summary>Encryption failed (EncryptAES_Error).</summary>
    EncryptAes = -40006,

    /// <summary>AES failed, e.g. the ciphertext is empty or not a multiple of 16 bytes (DecryptAES_Error).</summary>
    DecryptAes = -40007,

    /// <summary>Bad padding or msg_len after decryption (IllegalBuffer).</summary>
    IllegalBuffer = -40008,

    /// <summary>Base64 encoding failed (EncodeBase64_Error).</summary>
    EncodeBase64 = -40009,

    /// <summary>The ciphertext is not valid Base64 (DecodeBase64_Error).</summary>
    DecodeBase64 = -40010,

    /// <summary>Building the reply envelope failed (GenReturnXml/GenReturnJson_Error).</summary>
    GenerateReply = -40011,
}
