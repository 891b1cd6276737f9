using GridBot.Dialogs.Texts;
using System.Net.Http.Json;
using GridBot.Host.Outbox;
using GridBot.Store.Outbox;

namespace GridBot.Host.Channels.WeCom.AiBot;

/// <summary>
/// Delivers an answer that missed the passive-reply budget through the callback's response_url (unencrypted Markdown,
/// usable once, valid an hour). The outbox row's ServiceUrl is that response_url, checked against WeCom:ApiBaseUrl
/// when the row was written.
/// </summary>
internal sealed class AiBotResponseSender(IHttpClientFactory httpClients) : IChannelSender
{
    public const string ChannelName = "wecom-aibot";
    public const int MaxMarkdownBytes = 4096;

    public string Channel => ChannelName;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(message.ServiceUrl, UriKind.Absolute, out var responseUrl))
        {
            return new SendOutcome.Permanent("no response_url");
        }

        var body = new AiBotMarkdown { Markdown = new AiBotMarkdown.Body { Content = Utf8Text.Truncate(message.Text, MaxMarkdownBytes) } };
        var client = httpClients.CreateClient(WeComHttp.ClientName);
        using var response = await client.PostAsJsonAsync(responseUrl, body, WeComJson.Relaxed.AiBotMarkdown, cancellationToken);
        return await WeComHttp.OutcomeOfAsync(response, cancellationToken);
    }
}
