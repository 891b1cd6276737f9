using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GridBot.Host.Channels.WeCom.App;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom;

/// <summary>
/// A POST to a WeCom API with the self-built app's access token. A token WeCom calls invalid or expired
/// (40014 / 42001) is dropped and the call tried once more; transport failures and unreadable answers throw
/// <see cref="HttpRequestException"/> for the caller to retry. Any other errcode is the caller's to read.
/// </summary>
internal sealed class WeComApi(IHttpClientFactory httpClients, WeComAccessTokens tokens, IOptions<WeComOptions> options)
{
    public async Task<TAnswer> PostAsync<TRequest, TAnswer>(
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
