using System.Xml;
using System.Xml.Linq;

namespace GridBot.Host.Channels.WeCom.App;

/// <summary>
/// A decrypted self-built app callback (XML): a member's private message to the app, or an event — among them
/// kf_msg_or_event, whose Token and OpenKfId say which 微信客服 account to pull (WECOM.md §5.3.2).
/// </summary>
internal sealed record AppCallbackMessage(
    string? FromUserName, long CreateTime, string? MsgType, string? Content, string? MsgId, string? PicUrl, string? Recognition, string? Event,
    string? Token = null, string? OpenKfId = null)
{
    // Authenticated by then, but parsed with the same guard as the envelope: no DTD, no entities, bounded size.
    private static readonly XmlReaderSettings SafeSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 256 * 1024,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static AppCallbackMessage? Parse(string xml)
    {
        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), SafeSettings);
            root = XDocument.Load(reader).Root!;
        }
        catch (XmlException)
        {
            return null;
        }

        string? Field(string name) => root.Element(name)?.Value is { Length: > 0 } value ? value : null;
        return new AppCallbackMessage(
            Field("FromUserName"),
            long.TryParse(Field("CreateTime"), System.Globalization.CultureInfo.InvariantCulture, out var created) ? created : 0,
            Field("MsgType"), Field("Content"), Field("MsgId"), Field("PicUrl"), Field("Recognition"), Field("Event"),
            Field("Token"), Field("OpenKfId"));
    }
}
