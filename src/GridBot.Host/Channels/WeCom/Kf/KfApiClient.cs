namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The kf calls, made with the self-built app's access token (since 2023-12 kf is reached through a 自建应用).</summary>
internal sealed class KfApiClient(WeComApi api)
{
    public Task<KfSyncAnswer> SyncAsync(KfSyncRequest request, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/kf/sync_msg", request, KfJson.Relaxed.KfSyncRequest, KfJson.Relaxed.KfSyncAnswer, a => a.Errcode, cancellationToken);

    public Task<KfApiAnswer> SendAsync(KfSendRequest request, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/kf/send_msg", request, KfJson.Relaxed.KfSendRequest, KfJson.Relaxed.KfApiAnswer, a => a.Errcode, cancellationToken);

    public Task<KfApiAnswer> SendOnEventAsync(KfSendRequest request, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/kf/send_msg_on_event", request, KfJson.Relaxed.KfSendRequest, KfJson.Relaxed.KfApiAnswer, a => a.Errcode, cancellationToken);

    public Task<KfApiAnswer> TransAsync(KfTransRequest request, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/kf/service_state/trans", request, KfJson.Relaxed.KfTransRequest, KfJson.Relaxed.KfApiAnswer, a => a.Errcode, cancellationToken);

    public Task<KfApiAnswer> AddContactWayAsync(KfContactWayRequest request, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/kf/add_contact_way", request, KfJson.Relaxed.KfContactWayRequest, KfJson.Relaxed.KfApiAnswer, a => a.Errcode, cancellationToken);
}
