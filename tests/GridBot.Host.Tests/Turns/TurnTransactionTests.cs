using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Inbox;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store;
using GridBot.Store.Conversations;
using GridBot.Store.Tickets;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Turns;

/// <summary>issue #15: the turn's one owner of its transaction, and the inbox that brings back an acknowledged turn.</summary>
public sealed class TurnTransactionTests
{
    [Fact]
    public async Task WhileATurnOwnsTheContextOnlyItsCommitSavesAndTheNumberIsTakenOnlyByTheCommit()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var turn = scope.ServiceProvider.GetRequiredService<TurnTransaction>();
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            await turn.BeginAsync(ct);
            scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>().Reserve("GD", today);
            db.DialogStates.Add(new DialogStateRecord { Key = "test|guard|someone", Json = "{}", UpdatedUtc = DateTime.UtcNow });
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
            Assert.Contains("TurnTransaction", refused.Message, StringComparison.Ordinal);

            // Ended without a commit: no number was taken and the staged row is gone.
            await turn.DisposeAsync();
        }

        Assert.Equal(0, await host.QueryAsync(db => db.TicketSequences.CountAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.DialogStates.CountAsync(d => d.Key == "test|guard|someone", ct)));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var turn = scope.ServiceProvider.GetRequiredService<TurnTransaction>();
            var numbers = scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>();
            await turn.BeginAsync(ct);
            var placeholder = numbers.Reserve("GD", today);
            Assert.DoesNotMatch(@"GD\d{8}-\d{4}", placeholder);
            Assert.Throws<InvalidOperationException>(() => numbers.Resolve($"工单 {placeholder}"));
            scope.ServiceProvider.GetRequiredService<GridBotDbContext>().DialogStates
                .Add(new DialogStateRecord { Key = "test|guard|someone", Json = $"{{\"filed\":\"{placeholder}\"}}", UpdatedUtc = DateTime.UtcNow });
            // No write transaction (on SQLite: no write lock) before the commit.
            Assert.Null(scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Database.CurrentTransaction);
            await turn.CommitAsync(ct);

            var number = turn.Resolve(placeholder);
            Assert.Matches(@"^GD\d{8}-0001$", number);
            Assert.Equal($"{{\"filed\":\"{number}\"}}", await host.QueryAsync(db => db.DialogStates.Where(d => d.Key == "test|guard|someone").Select(d => d.Json).SingleAsync(ct)));
        }

        Assert.Equal(1, await host.QueryAsync(db => db.TicketSequences.CountAsync(ct)));
    }

    [Fact]
    public async Task AnInboxMessageLeftByACrashIsRunOnceAndAnsweredByItsLateRoute()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var chat = host.Chat("demo-c01-g01");
        var activity = chat.Build(Person.Resident("周大爷"), "7号楼楼下的路灯坏了好几天了", "inbox-msg-1");
        activity.DeliveryMode = null;
        var route = new LateReplyRoute("webchat", chat.ConversationId, "http://127.0.0.1:9/late");
        var inbox = host.Services.GetRequiredService<TurnInbox>();
        var replayer = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<TurnInboxReplayer>().Single();

        // Accepted (as the AI bot does before "正在处理"), then the host "died" before the turn committed.
        await inbox.AcceptAsync(activity, route, ct);
        await inbox.AcceptAsync(activity, route, ct);
        Assert.Equal(1, await host.QueryAsync(db => db.TurnInbox.CountAsync(ct)));

        Assert.Equal(1, await replayer.ReplayAsync(DateTime.UtcNow.AddMinutes(1), ct));
        var key = ActivityDedup.Key(activity.ChannelId, activity.Id);
        Assert.Equal(0, await host.QueryAsync(db => db.TurnInbox.CountAsync(ct)));
        Assert.Equal(1, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(p => p.Key == key, ct)));
        var late = await host.QueryAsync(db => db.Outbox.Where(o => o.ReplyToId == activity.Id).ToListAsync(ct));
        var row = Assert.Single(late);
        Assert.Equal(route.ServiceUrl, row.ServiceUrl);
        Assert.Matches(@"GD\d{8}-\d{4}", row.Text);

        // A row written just after its turn committed (the race the commit cannot see) is run again: dedup answers, the row goes.
        await inbox.AcceptAsync(activity, route, ct);
        Assert.Equal(1, await replayer.ReplayAsync(DateTime.UtcNow.AddMinutes(1), ct));
        Assert.Equal(0, await host.QueryAsync(db => db.TurnInbox.CountAsync(ct)));
        Assert.Single(await host.QueryAsync(db => db.Outbox.Where(o => o.ReplyToId == activity.Id).ToListAsync(ct)));
        Assert.Equal(1, await host.QueryAsync(db => db.TicketReporters.CountAsync(r => r.UserId == activity.From!.Id, ct)));
    }

    [Fact]
    public async Task ConcurrentTurnsQueueForTheWriterAndOneWhoseCommitFailsGivesItsNumberBackAndTheTurnAfterItsPlace()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        const int turns = 24;
        const int failing = 7;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            db.DialogStates.Add(new DialogStateRecord { Key = "test|gate|taken", Json = "{}", UpdatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }

        // Every turn reserves a number and stages a row; turn 7's commit takes its number and then fails on a row that
        // exists already, as a refused write would.
        var numbers = await Task.WhenAll(Enumerable.Range(0, turns).Select(i => Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var turn = scope.ServiceProvider.GetRequiredService<TurnTransaction>();
            await turn.BeginAsync(ct);
            try
            {
                var placeholder = scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>().Reserve("GD", today);
                scope.ServiceProvider.GetRequiredService<GridBotDbContext>().DialogStates
                    .Add(new DialogStateRecord { Key = i == failing ? "test|gate|taken" : $"test|gate|{i}", Json = placeholder, UpdatedUtc = DateTime.UtcNow });
                await turn.CommitAsync(ct);
                return turn.Resolve(placeholder);
            }
            catch (DbUpdateException) when (i == failing)
            {
                return null;
            }
            finally
            {
                await turn.DisposeAsync();
            }
        }, ct)));

        var committed = numbers.OfType<string>().ToList();
        Assert.Equal(turns - 1, committed.Count);
        Assert.Equal(turns - 1, committed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(turns - 1, await host.QueryAsync(db => db.DialogStates.CountAsync(d => d.Key.StartsWith("test|gate|") && d.Key != "test|gate|taken", ct)));
        Assert.Equal("{}", await host.QueryAsync(db => db.DialogStates.Where(d => d.Key == "test|gate|taken").Select(d => d.Json).SingleAsync(ct)));
        // The failed commit's number went back: the committed ones are 1..23 with no gap, each written in its own row.
        Assert.Equal(Enumerable.Range(1, turns - 1).Select(n => $"-{n:D4}"), committed.Select(n => n[^5..]).Order(StringComparer.Ordinal));
        Assert.Equal(turns - 1, await host.QueryAsync(db => db.TicketSequences.Select(s => s.Last).SingleAsync(ct)));
        Assert.Equal(committed.Order(StringComparer.Ordinal), (await host.QueryAsync(db => db.DialogStates.Where(d => d.Key.StartsWith("test|gate|") && d.Key != "test|gate|taken").Select(d => d.Json).ToListAsync(ct))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TurnsQueuedForTheWriterAreWrittenInOneTransactionEachUnderItsSavepointAndOneWhoseStatementsFailFailsAlone()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        const int turns = 20;
        const int failing = 5;
        await SeedDialogStateAsync(host, "test|group|taken", ct);
        var writers = host.Services.GetRequiredService<WriterGate>();

        // The test holds the writer while every turn queues behind it, so the groups form the same way on every run.
        Assert.True(await writers.EnterBackgroundAsync(ct));
        var committing = Enumerable.Range(0, turns).Select(i => CommitOneAsync(host, i == failing ? "test|group|taken" : $"test|group|{i}", today, ct)).ToList();
        await WaitForJoinersAsync(writers, turns, ct);
        var groupsBefore = writers.Groups;
        writers.Leave();
        var numbers = await Task.WhenAll(committing);

        // 20 turns in two transactions: the first holder took 15 behind it (16 at most), the 20th in line led the other 4.
        Assert.Equal(2, writers.Groups - groupsBefore);
        Assert.Null(numbers[failing]);
        var committed = numbers.OfType<string>().ToList();
        Assert.Equal(turns - 1, committed.Count);
        // The failed turn was rolled back to its savepoint: its row kept, its number taken by the turn after it.
        Assert.Equal("{}", await host.QueryAsync(db => db.DialogStates.Where(d => d.Key == "test|group|taken").Select(d => d.Json).SingleAsync(ct)));
        Assert.Equal(Enumerable.Range(1, turns - 1).Select(n => $"-{n:D4}"), committed.Select(n => n[^5..]).Order(StringComparer.Ordinal));
        Assert.Equal(turns - 1, await host.QueryAsync(db => db.TicketSequences.Select(s => s.Last).SingleAsync(ct)));
        Assert.Equal(committed.Order(StringComparer.Ordinal), (await host.QueryAsync(db => db.DialogStates.Where(d => d.Key.StartsWith("test|group|") && d.Key != "test|group|taken").Select(d => d.Json).ToListAsync(ct))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AGroupWhoseCommitFailsFailsEveryTurnInItAndTheirNumbersGoBack()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        const int turns = 6;
        // A real COMMIT failure: one turn's row makes a trigger write a row whose deferred foreign key is checked only
        // when the transaction commits, so every statement and savepoint succeeds and the shared COMMIT is refused.
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            CREATE TABLE "CommitProbe" ("TicketId" INTEGER REFERENCES "Tickets" ("Id") DEFERRABLE INITIALLY DEFERRED);
            CREATE TRIGGER "CommitProbeDooms" AFTER INSERT ON "DialogStates" WHEN NEW."Key" = 'test|doomed|3'
            BEGIN INSERT INTO "CommitProbe" VALUES (-1); END;
            """, ct));
        var writers = host.Services.GetRequiredService<WriterGate>();

        Assert.True(await writers.EnterBackgroundAsync(ct));
        var committing = Enumerable.Range(0, turns).Select(i => FailingCommitAsync(host, $"test|doomed|{i}", today, ct)).ToList();
        await WaitForJoinersAsync(writers, turns, ct);
        var groupsBefore = writers.Groups;
        writers.Leave();
        var failures = await Task.WhenAll(committing);

        Assert.Equal(1, writers.Groups - groupsBefore);
        Assert.All(failures, f => Assert.Contains("FOREIGN KEY", f.Message, StringComparison.Ordinal));
        Assert.Equal(0, await host.QueryAsync(db => db.DialogStates.CountAsync(d => d.Key.StartsWith("test|doomed|"), ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.TicketSequences.CountAsync(ct)));

        // The numbers went back with the group: the next commit takes 0001.
        Assert.Matches(@"-0001$", await CommitOneAsync(host, "test|after|doomed", today, ct));
    }

    [Fact]
    public async Task ARetryTheCacheDidNotKnowMeetsItsMarkInsideAGroupAndIsAnsweredWithTheStoredRepliesWhileTheOthersCommit()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        string[] groups = ["demo-c01-g01", "demo-c01-g02", "demo-c01-g03", "demo-c01-g04", "demo-c01-g05"];
        var retry = host.Chat("demo-c02-g01").Build(Person.Resident("孙阿姨"), "2号楼门口的垃圾好几天没人清了", "group-retry-1");
        // Handled before a restart: its mark is in the database, the new process's cache does not know it.
        var stored = JsonSerializer.Serialize(new List<Activity> { new() { Type = ActivityTypes.Message, Text = "第一次的回答" } }, ActivityJson.Default.ListActivity);
        await host.QueryAsync(async db =>
        {
            db.ProcessedActivities.Add(new ProcessedActivity { Key = ActivityDedup.Key(retry.ChannelId, retry.Id), ProcessedUtc = DateTime.UtcNow, RepliesJson = stored });
            return await db.SaveChangesAsync(ct);
        });
        var writers = host.Services.GetRequiredService<WriterGate>();

        Assert.True(await writers.EnterBackgroundAsync(ct));
        var reports = groups.Select((g, i) => host.Chat(g).SayAsync(Person.Resident($"居民{i}"), $"{i + 3}号楼楼道灯坏了好几天了", ct)).ToList();
        var retried = host.PostActivityAsync(retry, ct);
        await WaitForJoinersAsync(writers, groups.Length + 1, ct);
        var groupsBefore = writers.Groups;
        writers.Leave();
        var replies = await Task.WhenAll(reports);
        var retryResponse = await retried;

        Assert.Equal(HttpStatusCode.OK, retryResponse.StatusCode);
        var retryReplies = await retryResponse.Content.ReadFromJsonAsync(ActivityJson.Default.ExpectedReplies, ct);
        Assert.Equal("第一次的回答", Assert.Single(retryReplies!.Activities).Text);
        // The five reports were committed in the group the retry failed in: numbers 1..5, one ticket each, none for the retry.
        Assert.Equal(Enumerable.Range(1, groups.Length).Select(n => $"-{n:D4}"), replies.Select(r => r.TicketNumber[^5..]).Order(StringComparer.Ordinal));
        Assert.Equal(groups.Length, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal(1, writers.Groups - groupsBefore);
    }

    private static async Task SeedDialogStateAsync(GridBotTestHost host, string key, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        db.DialogStates.Add(new DialogStateRecord { Key = key, Json = "{}", UpdatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A turn that reserves a number and stages a row holding it; its number, or null when its commit failed at its own row.</summary>
    private static Task<string?> CommitOneAsync(GridBotTestHost host, string key, DateOnly today, CancellationToken ct) => Task.Run(async () =>
    {
        await using var scope = host.Services.CreateAsyncScope();
        var turn = scope.ServiceProvider.GetRequiredService<TurnTransaction>();
        await turn.BeginAsync(ct);
        try
        {
            var placeholder = scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>().Reserve("GD", today);
            scope.ServiceProvider.GetRequiredService<GridBotDbContext>().DialogStates
                .Add(new DialogStateRecord { Key = key, Json = placeholder, UpdatedUtc = DateTime.UtcNow });
            await turn.CommitAsync(ct);
            return turn.Resolve(placeholder);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            return null;
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }, ct);

    private static Task<Exception> FailingCommitAsync(GridBotTestHost host, string key, DateOnly today, CancellationToken ct) => Task.Run(async () =>
    {
        await using var scope = host.Services.CreateAsyncScope();
        var turn = scope.ServiceProvider.GetRequiredService<TurnTransaction>();
        await turn.BeginAsync(ct);
        try
        {
            scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>().Reserve("GD", today);
            scope.ServiceProvider.GetRequiredService<GridBotDbContext>().DialogStates
                .Add(new DialogStateRecord { Key = key, Json = "{}", UpdatedUtc = DateTime.UtcNow });
            return await Assert.ThrowsAnyAsync<Exception>(() => turn.CommitAsync(ct));
        }
        finally
        {
            await turn.DisposeAsync();
        }
    }, ct);

    // Waits for a state of the queue, not for time: the turns are released only once all of them are in line.
    private static async Task WaitForJoinersAsync(WriterGate writers, int count, CancellationToken ct)
    {
        while (writers.JoinersWaiting < count)
        {
            await Task.Delay(10, ct);
        }
    }
}
