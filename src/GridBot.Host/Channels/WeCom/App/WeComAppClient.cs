using GridBot.Dialogs.Texts;
using System.Net.Http.Json;
using GridBot.Host.Outbox;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.App;

/// <summary>
/// Sends a private message from the self-built app (<c>cgi-bin/message/send</c>). A token WeCom calls invalid or
/// expired (40014 / 42001) is dropped, a new one fetched, and the send tried once more.
/// </summary>
internal sealed class WeComAppClient(IHttpClientFactory httpClients, WeComAccessTokens tokens, IOptions<WeComOptions> options)
{
    public bool IsConfigured => options.Value.App.IsConfigured;

    public async Task<SendOutcome> SendTextAsync(string userId, string text, CancellationToken cancellationToken)
    {
        var body = new WeComAppMessage
        {
            Touser = userId,
            Agentid = options.Value.App.AgentId,
            Text = new WeComAppMessage.AppText { Content = Utf8Text.Truncate(text, WeComAppMessage.MaxTextBytes) },
        };
        for (var attempt = 1; ; attempt++)
        {
            var (token, errcode) = await tokens.GetAsync(cancellationToken);
            if (token is null)
            {
                return new SendOutcome.Transient($"gettoken errcode {errcode}");
            }

            var uri = new Uri(options.Value.ApiBase, "cgi-bin/message/send?access_token=" + Uri.EscapeDataString(token));
            using var response = await httpClients.CreateClient(WeComHttp.ClientName).PostAsJsonAsync(uri, body, WeComJson.Relaxed.WeComAppMessage, cancellationToken);
            var (outcome, answered) = await WeComHttp.ReadAsync(response, cancellationToken);
            if (answered is { } code && WeComHttp.IsTokenRejected(code) && attempt == 1)
            {
                await tokens.InvalidateAsync(token, cancellationToken);
                continue;
            }

            return outcome;
        }
    }
}
