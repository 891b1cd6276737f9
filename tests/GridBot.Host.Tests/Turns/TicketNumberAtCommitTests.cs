using System.Net;
using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Host.Tests.Authorization;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridBot.Host.Tests.Turns;

/// <summary>
/// issue #15 item 5: a ticket's number is taken at its turn's commit, and until then the turn's texts carry a
/// placeholder. Every way a number leaves a turn is walked here, and no placeholder may reach any of them.
/// </summary>
public sealed class TicketNumberAtCommitTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task NoPlaceholderReachesARepliesOutboxDialogStateEventsTheDatabaseOrTheLogs()
    {
        var ct = TestTimeout.Token;
        var logs = new RecordingLoggerProvider();
        await using var host = await GridBotTestHost.StartAsync(b => b.Logging.AddProvider(logs), ct, "--Logging:LogLevel:Default=Information");
        var chat = host.Chat(Group);
        var replies = new List<Activity>();

        // In the response: a report, a merge, the split of it (events on both tickets), a question logged for a worker.
        var first = await chat.SayAsync(Person.Resident("张阿姨"), "3号楼2单元楼道灯坏了好几天了", ct);
        replies.AddRange(first.Activities);
        replies.AddRange((await chat.SayAsync(Person.Resident("王叔"), "3号楼2单元楼道灯也不亮，楼梯扶手也松了", ct)).Activities);
        var split = await chat.SayAsync(Person.LeaderWang, $"拆分 {first.TicketNumber}", ct);
        replies.AddRange(split.Activities);
        replies.AddRange((await chat.SayAsync(Person.Resident("钱先生"), "咨询 居住证怎么办理", ct)).Activities);
        // Filed on the place answer: the number waits in the dialog state for a further piece of the place.
        var li = Person.Resident("李大爷");
        await chat.SayAsync(li, "楼道灯又不亮了😂晚上黑咕隆咚的", ct);
        var filed = await chat.SayAsync(li, "在5栋", ct);
        replies.AddRange(filed.Activities);
        var dialogStates = await host.QueryAsync(db => db.DialogStates.Select(d => d.Json).ToListAsync(ct));
        Assert.Contains(dialogStates, json => json.Contains($"\"{filed.TicketNumber}\"", StringComparison.Ordinal));

        // By outbox (no expectReplies): the replies and the urgent alert to the leaders are rows.
        var urgent = chat.Build(Person.Resident("周先生"), "电梯里有人被困了，快来人！");
        urgent.DeliveryMode = null;
        Assert.True((await host.PostActivityAsync(urgent, ct)).StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted);

        var numbers = await host.QueryAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Number).ToListAsync(ct));
        // Report, split, question, place answer, urgent report: taken in commit order, gapless.
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"-{n:D4}"), numbers.Select(n => n[^5..]));
        Assert.All(numbers, n => Assert.Matches(@"^GD\d{8}-\d{4}$", n));
        Assert.Contains(numbers[1], split.Text, StringComparison.Ordinal);
        var outbox = await host.QueryAsync(db => db.Outbox.Select(o => o.Text).ToListAsync(ct));
        Assert.Contains(outbox, text => text.StartsWith($"⚠️ 紧急工单 {numbers[4]}", StringComparison.Ordinal));
        Assert.Contains(outbox, text => text.StartsWith($"🚨 紧急工单 {numbers[4]}", StringComparison.Ordinal));

        var marker = PlaceholderMarker(host);
        Assert.All(replies, r => Assert.DoesNotContain(marker, JsonSerializer.Serialize(r, ActivityJson.Default.Activity), StringComparison.Ordinal));
        Assert.Empty(await StringsHoldingAsync(host, marker, ct));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>What every placeholder of this host starts with: a reservation's placeholder without its index.</summary>
    private static string PlaceholderMarker(GridBotTestHost host)
    {
        using var scope = host.Services.CreateScope();
        var placeholder = scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>().Reserve("GD", DateOnly.FromDateTime(DateTime.UtcNow));
        // The first reservation of a unit of work: the marker, index "a", the closing "~".
        Assert.EndsWith("a~", placeholder, StringComparison.Ordinal);
        return placeholder[..^2];
    }

    /// <summary>Every text value in every table of the database that holds <paramref name="marker"/>.</summary>
    private static Task<List<string>> StringsHoldingAsync(GridBotTestHost host, string marker, CancellationToken cancellationToken) =>
        host.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var found = new List<string>();
            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (reader.GetValue(i) is string text && text.Contains(marker, StringComparison.Ordinal))
                        {
                            found.Add($"{table}.{reader.GetName(i)}: {text}");
                        }
                    }
                }
            }

            Assert.True(tables.Count > 10, "the scan saw the schema");
            return found;
        });
}
