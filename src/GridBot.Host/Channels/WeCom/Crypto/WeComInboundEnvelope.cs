namespace GridBot.Host.Channels.WeCom.Crypto;

/// <summary>
/// The outer, unencrypted part of a callback POST body. Only <see cref="Encrypt"/> is covered by
/// msg_signature; <see cref="ToUserName"/> and <see cref="AgentId"/> are unauthenticated hints,
/// so trust the copies inside the decrypted message instead.
/// </summary>
/// <param name="Encrypt">The Base64 ciphertext (the "Encrypt" element / "encrypt" property).</param>
/// <param name="ToUserName">Outer ToUserName / tousername, if present (unauthenticated).</param>
/// <param name="AgentId">Outer AgentID / agentid as text, if present (unauthenticated).</param>
public sealed record WeComInboundEnvelope(string Encrypt, string? ToUserName, string? AgentId)
{
    /// <summary>
    /// Largest body the parsers accept, in characters. Real callbacks are a few KB; the cap keeps a
    /// hostile POST from costing more than a bounded parse. Endpoints should cap the request body too.
    /// </summary>
    public const int MaxBodyLength = 1024 * 1024;
}
