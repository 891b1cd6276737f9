using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GridBot.Host.Channels.WeCom.App;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// The kf calls, made with the self-built app's access token (since 2023-12 kf is reached through a 自建应用). A token
/// WeCom calls invalid or expired (40014 / 42001) is dropped and the call tried once more; transport failures throw
/// (<see cref="HttpRequestException"/>) for the caller to retry.
/// </summary>
internal sealed class KfApiClient(IHttpClientFactory httpClients, WeComAccessTokens tokens, IOptions<WeComOptions> options)
{
    public Task<KfSyncAnswer> SyncAsync(KfSyncRequest request, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/kf/sync_msg", request, KfJson.Relaxed.KfSyncRequest, KfJson.Relaxed.KfSyncAnswer, a => a.Errcode, cancellationToken);

    public Task<KfApiAnswer> SendAsync(KfSendRequest request, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/kf/send_msg", request, KfJson.Relaxed.KfSendRequest, KfJson.Relaxed.KfApiAnswer, a => a.Errcode, cancellationToken);

    public Task<KfApiAnswer> SendOnEventAsync(KfSendRequest request, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/kf/send_msg_on_event", request, KfJson.Relaxed.KfSendRequest, KfJson.Relaxed.KfApiAnswer, a => a.Errcode, cancellationToken);

    public Task<KfApiAnswer> TransAsync(KfTransRequest request, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/kf/service_state/trans", request, KfJson.Relaxed.KfTransRequest, KfJson.Relaxed.KfApiAnswer, a => a.Errcode, cancellationToken);

    public Task<KfApiAnswer> AddContactWayAsync(KfContactWayRequest request, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/kf/add_contact_way", request, KfJson.Relaxed.KfContactWayRequest, KfJson.Relaxed.KfApiAnswer, a => a.Errcode, cancellationToken);

    private async Task<TAnswer> PostAsync<TRequest, TAnswer>(
        string path, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TAnswer> answerType, Func<TAnswer, int> errcodeOf,
        CancellationToken cancellationToken)
        where TAnswer : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var (token, errcode) = await tokens.GetAsync(cancellationToken);
            if (token is null)
            {
                throw new HttpRequestException($"gettoken errcode {errcode}");
            }

            var uri = new Uri(options.Value.ApiBase, path + "?access_token=" + Uri.EscapeDataString(token));
            using var response = await httpClients.CreateClient(WeComHttp.ClientName).PostAsJsonAsync(uri, request, requestType, cancellationToken);
            response.EnsureSuccessStatusCode();
            TAnswer? answer;
            try
            {
                answer = await response.Content.ReadFromJsonAsync(answerType, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new HttpRequestException("unreadable WeCom answer", ex);
            }

            if (answer is null)
            {
                throw new HttpRequestException("empty WeCom answer");
            }

            if (WeComHttp.IsTokenRejected(errcodeOf(answer)) && attempt == 1)
            {
                await tokens.InvalidateAsync(token, cancellationToken);
                continue;
            }

            return answer;
        }
    }
}
