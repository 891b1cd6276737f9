using System.Text.Json.Nodes;
using GridBot.Host.Import;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Conversations;

/// <summary>The identity step's binding comes from memory (ChatBindings): a rebinding must reach the next turn.</summary>
public sealed class ChatBindingTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task AChatReboundToAnotherGridByImportFilesItsNextTicketThere()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat(Group);

        await chat.SayAsync(Person.Resident("张阿姨"), "3号楼2单元楼道灯坏了好几天了", ct);
        var report = await RebindAsync(host, "DEMO-S01-C01-G02", ct);
        await chat.SayAsync(Person.Resident("李大爷"), "5号楼门口垃圾好几天没人清运，臭得很", ct);

        Assert.True(report.Succeeded, report.Describe());
        var grids = await host.QueryAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Grid!.Code).ToListAsync(ct));
        Assert.Equal(["DEMO-S01-C01-G01", "DEMO-S01-C01-G02"], grids);
    }

    private static Task<ImportReport> RebindAsync(GridBotTestHost host, string grid, CancellationToken cancellationToken)
    {
        var chat = new JsonObject { ["channel"] = "demo", ["chatId"] = Group, ["grid"] = grid, ["name"] = "幸福里社区第一网格群" };
        return host.ImportAsync(new JsonObject { ["chats"] = new JsonArray(chat) }, cancellationToken);
    }
}
