using System.Globalization;
using GridBot.Host.Channels.WeCom.Crypto;

namespace GridBot.FakeWeCom;

/// <summary>
/// Pushes kf_msg_or_event to the app's callback URL as WeCom does: XML sealed with the app's Token and EncodingAesKey
/// (receiveid = CorpId), empty body expected, up to 3 tries when no 2xx comes back.
/// </summary>
public sealed class FakeKfCallbacks(FakeWeComOptions options, TimeProvider time, IHttpClientFactory httpClients)
{
    /// <returns>The HTTP status of the last try, or 0 when the URL could not be reached (or none is configured).</returns>
    public async Task<int> PushAsync(string openKfid, string token, CancellationToken cancellationToken)
    {
        if (options.AppCallbackUrl.Length == 0)
        {
            return 0;
        }

        var crypto = new WeComCrypto(options.AppToken, options.AppEncodingAesKey, options.CorpId);
        var now = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var plain = $"<xml><ToUserName><![CDATA[{options.CorpId}]]></ToUserName><CreateTime>{now}</CreateTime>"
            + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
            + $"<Token><![CDATA[{token}]]></Token><OpenKfId><![CDATA[{openKfid}]]></OpenKfId></xml>";
        var status = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // A fresh nonce per try, as WeCom's retries are new requests the receiver's replay guard must accept.
            var sealedMessage = crypto.Seal(plain, now, WeComCrypto.CreateNonce());
            var body = $"<xml><ToUserName><![CDATA[{options.CorpId}]]></ToUserName><AgentID><![CDATA[{options.AgentId}]]></AgentID>"
                + $"<Encrypt><![CDATA[{sealedMessage.Encrypt}]]></Encrypt></xml>";
            var url = $"{options.AppCallbackUrl}?msg_signature={sealedMessage.MsgSignature}&timestamp={sealedMessage.Timestamp}&nonce={sealedMessage.Nonce}";
            try
            {
                using var response = await httpClients.CreateClient().PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/xml"), cancellationToken);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return status;
                }
            }
            catch (HttpRequestException)
            {
                status = 0;
            }
        }

        return status;
    }
}
