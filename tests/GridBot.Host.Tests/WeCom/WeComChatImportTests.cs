using System.Text.Json.Nodes;
using GridBot.Host.Import;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.WeCom;

public sealed class WeComChatImportTests
{
    private const string Key = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    [Fact]
    public async Task AWeComChatIsImportedWithTheKeyFromItsWebhookUrlAndAReimportWithoutKeyKeepsIt()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var first = await ImportAsync(host, "wecom", $"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={Key}", ct);
        var again = await ImportAsync(host, "wecom", null, ct);

        Assert.True(first.Succeeded, first.Describe());
        Assert.True(again.Succeeded, again.Describe());
        var chat = await host.QueryAsync(db => db.Chats.SingleAsync(c => c.Channel == "wecom" && c.ChatId == "wrkImport01", ct));
        Assert.Equal(Key, chat.WebhookKey);
    }

    [Fact]
    public async Task AKeyOnAnotherChannelOrInABadShapeIsRefusedWithoutEchoingIt()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);

        var wrongChannel = await ImportAsync(host, "demo", Key, ct);
        var badShape = await ImportAsync(host, "wecom", "not a key!", ct);

        Assert.False(wrongChannel.Succeeded);
        Assert.Contains("群机器人Key 只用于企业微信", wrongChannel.Describe());
        Assert.DoesNotContain(Key, wrongChannel.Describe(), StringComparison.Ordinal);
        Assert.False(badShape.Succeeded);
        Assert.DoesNotContain("not a key!", badShape.Describe(), StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(db => db.Chats.CountAsync(c => c.ChatId == "wrkImport01", ct)));
    }

    private static async Task<ImportReport> ImportAsync(GridBotTestHost host, string channel, string? webhook, CancellationToken cancellationToken)
    {
        var chat = new JsonObject { ["channel"] = channel, ["chatId"] = "wrkImport01", ["grid"] = "DEMO-S01-C01-G02", ["name"] = "第二网格工作群" };
        if (webhook is not null)
        {
            chat["webhookKey"] = webhook;
        }

        var file = Path.Combine(Path.GetTempPath(), $"wecom-import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["chats"] = new JsonArray(chat) }.ToJsonString(), cancellationToken);
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([file], cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
