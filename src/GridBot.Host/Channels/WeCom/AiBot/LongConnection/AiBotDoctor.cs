using System.Net.WebSockets;
using System.Text.Json.Nodes;
using GridBot.Store.Coordination;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// `wecom doctor`: checks the long connection's settings against WeCom (connect, subscribe, one ping, leave) and says
/// in Chinese what works. A subscribe kicks the live connection (WeCom keeps one per bot), so while a host holds the
/// lease the doctor reports the holder and subscribes only with --force.
/// </summary>
internal static class AiBotDoctor
{
    public static async Task<int> RunAsync(IServiceProvider services, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        var bot = services.GetRequiredService<IOptions<WeComOptions>>().Value.AiBot;
        if (!bot.IsLongConnection)
        {
            await output.WriteLineAsync("WeCom:AiBot:Mode 不是 LongConnection：长连接未启用（设置 WeCom:AiBot:Mode、BotId、Secret）。");
            return 1;
        }

        var settings = bot.LongConnection;
        await output.WriteLineAsync($"配置：BotId {bot.BotId}，地址 {settings.Url}");
        IAiBotLease lease = services.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisAiBotLease(redis, services.GetRequiredService<RedisKeys>(), services.GetRequiredService<IOptions<WeComOptions>>())
            : new DatabaseAiBotLease(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IOptions<WeComOptions>>(), services.GetRequiredService<TimeProvider>());
        if (await lease.HolderAsync(cancellationToken) is { } holder && !force)
        {
            await output.WriteLineAsync($"连接由 {holder} 持有，正在使用中。订阅测试会把它挤下线，已跳过（确需测试请加 --force）。");
            return 0;
        }

        AiBotSocket socket;
        try
        {
            socket = await AiBotSocket.ConnectAsync(new Uri(settings.Url), settings.MaxFrameBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            await output.WriteLineAsync($"无法连接 {settings.Url}（{ex.GetType().Name}）：检查网络、代理和地址。");
            return 1;
        }

        using (socket)
        {
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var loop = ReadAcksAsync(socket, reading.Token);
            try
            {
                var subscribed = await socket.RequestAsync(AiBotCommands.Subscribe, AiBotCommands.NewReqId(AiBotCommands.Subscribe),
                    new JsonObject { ["bot_id"] = bot.BotId, ["secret"] = bot.Secret }, settings.AckTimeout, cancellationToken);
                if (subscribed.Errcode != 0)
                {
                    await output.WriteLineAsync($"订阅被拒绝（errcode {subscribed.Errcode}）：检查 WeCom:AiBot:BotId 和 WeCom:AiBot:Secret。");
                    return 1;
                }

                await output.WriteLineAsync("订阅成功：BotId 与 Secret 有效。");
                var ping = await socket.RequestAsync(AiBotCommands.Ping, AiBotCommands.NewReqId(AiBotCommands.Ping), null, settings.AckTimeout, cancellationToken);
                await output.WriteLineAsync(ping.Errcode == 0 ? "心跳正常。" : $"心跳应答 errcode {ping.Errcode}。");
                return ping.Errcode == 0 ? 0 : 1;
            }
            catch (AiBotNotAckedException ex)
            {
                await output.WriteLineAsync($"企业微信没有应答（{ex.Message}）。");
                return 1;
            }
            finally
            {
                await reading.CancelAsync();
                await socket.CloseAsync(CancellationToken.None);
                await loop;
            }
        }
    }

    private static async Task ReadAcksAsync(AiBotSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (await socket.ReceiveAsync(cancellationToken) is { } received)
            {
                if (received.Utf8 is { } utf8 && AiBotFrame.Parse(utf8) is { IsAck: true } ack)
                {
                    socket.CompleteAck(ack);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }
}
