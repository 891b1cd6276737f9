namespace GridBot.Dialogs.Digests;

/// <summary>
/// Draws a weekly digest as an image for chats that can show one (WeCom robots). The host supplies the drawing; a
/// host that cannot draw (no CJK font) returns null and the digest goes as text only.
/// </summary>
public interface IDigestChart
{
    /// <returns>PNG bytes, or null.</returns>
    byte[]? RenderPng(DigestReport report);
}
