using GridBot.Dialogs.Core;

namespace GridBot.Host.Channels.WeCom.AiBot;

/// <summary>A turn's replies as the one Markdown text a stream reply, a stream frame or a push carries (callback and long connection alike).</summary>
internal static class AiBotReplyText
{
    public static string Join(IEnumerable<Activity> replies) =>
        string.Join("\n\n", replies.Select(r => r.Text).Where(t => !string.IsNullOrEmpty(t)));
}
