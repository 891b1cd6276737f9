using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Dialogs.Pipeline;
using GridBot.Host.Tests.MultiHost;
using GridBot.Host.Tests.WeCom;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GridBot.Host.Tests.Crash;

/// <summary>
/// issue #9: the default deployment (one host process, one SQLite file, no Redis) takes a burst of 5,000 AI-bot
/// callbacks while an announcement fans out to 300 robot groups, is killed with SIGKILL at a seeded random moment and
/// restarted on the same file; WeCom then re-sends every callback that got no 200 (and some that did). Checked against
/// the database and the fake WeCom server's own records: nothing acknowledged is lost and nothing happens twice.
/// issue #15: one callback in <see cref="SlowEvery"/> is a slow turn (the test-only hook <c>Testing:SlowTurns</c> holds
/// it <see cref="SlowDelay"/>, past the <see cref="ReplyBudget"/>), so WeCom is answered "正在处理" before the turn has
/// committed and the kill always finds some of those in flight: each must still make its ticket and send its late
/// answer through response_url, after the restart if need be (the inbox).
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int InFlight = 24;
    private const int OutboxParallelism = 8;
    private const string ApiToken = "crash-token-0123456789abcdef0123";
    private const string Title = "停气检修通知";
    private const int SlowEvery = 20;
    private const string SlowDelay = "00:00:01.200";
    private const string ReplyBudget = "00:00:00.300";

    [Fact]
    public async Task AHostKilledMidBurstLosesNoAcknowledgedCallbackAndNoDelivery()
    {
        // A bound, not a speed check: on a quiet 2-core machine the run takes a fraction of it; on a shared one (set-up alone
        // took 109 s at load 40) the re-sends after the restart need the rest.
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        var ct = bound.Token;
        var started = Stopwatch.StartNew();
        var seed = Environment.GetEnvironmentVariable("GRIDBOT_CRASH_SEED") is { Length: > 0 } given ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        var random = new Random(seed);
        output.WriteLine($"seed {seed} (GRIDBOT_CRASH_SEED={seed} repeats this run's kill moment)");

        var folder = Directory.CreateTempSubdirectory("gridbot-crash-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "gridbot.db")}";
        // The fake answers each send after 100 ms, so the fan-out (300 sends, 8 at a time) is still going when the host dies.
        await using var fake = await WeCom.FakeWeCom.StartAsync(ct, "--FakeWeCom:LatencyMs=100");
        string[] settings =
        [
            $"--ConnectionStrings:GridBot={connectionString}", fake.ApiBaseSetting, .. WeComSimulator.Settings(), $"--Api:Tokens:0={ApiToken}",
            // A killed host's claims run out after 10 s instead of 2 min.
            "--Outbox:PollInterval=00:00:00.100", "--Outbox:ClaimLease=00:00:10", "--Outbox:BatchSize=25", $"--Outbox:Parallelism={OutboxParallelism}",
            "--Logging:LogLevel:Default=Warning", "--Demo:History=false",
            $"--WeCom:AiBot:ReplyBudget={ReplyBudget}", $"--Testing:SlowTurns:Delay={SlowDelay}", $"--Testing:SlowTurns:Every={SlowEvery}",
        ];
        var host = await HostProcess.StartAsync("crash", settings, ct);
        try
        {
            await HostImport.RunAsync(CrashScenario.Chats(), settings, ct);
            var burst = new CallbackBurst(CrashScenario.Callbacks);
            var all = Enumerable.Range(0, CrashScenario.Callbacks).ToList();
            var sealedCallbacks = Seal(all, fake.Address);
            output.WriteLine($"set up in {started.Elapsed.TotalSeconds:0.0} s");

            // The announcement goes out after a random part of the burst, and the kill follows a random part later.
            var publishAt = random.Next(300, 1500);
            var killAt = publishAt + random.Next(200, 1200);
            var sending = burst.SendAsync(host.Http, all, sealedCallbacks, InFlight, ct);
            var burstStarted = Stopwatch.StartNew();
            await WhenAsync(() => burst.Completed >= publishAt, sending, ct);
            var number = await PublishAsync(host, ct);
            await WhenAsync(() => burst.Completed >= killAt, sending, ct);
            var sentAtKill = await AnnouncementSendsAsync(fake, ct);
            var acknowledgedAtKill = burst.AcknowledgedCount;
            host.Kill();
            await sending;
            output.WriteLine($"killed after {burstStarted.Elapsed.TotalSeconds:0.0} s of burst: {burst.Completed} requests done, announcement sends so far {sentAtKill.Values.Sum()}");

            await host.DisposeAsync();
            int inboxAtKill;
            await using (var dead = new GridBotDbContext(new DbContextOptionsBuilder<GridBotDbContext>().UseSqlite(connectionString).Options))
            {
                // Acknowledged with "正在处理" but not committed when the host died: what the restart must run again.
                inboxAtKill = await dead.TurnInbox.CountAsync(ct);
            }

            host = await HostProcess.StartAsync("crash (restarted)", settings, ct);
            var failedBeforeRestart = burst.Unacknowledged.Count;
            // WeCom re-sends what got no 200, and sometimes what did (our answer was slow): each retry is a new delivery
            // with its own timestamp and nonce and the same msgid.
            var sampled = burst.Acknowledged.Where(i => i % 10 == 0).ToList();
            var resent = burst.Unacknowledged.Concat(sampled).Order().ToList();
            for (var round = 0; round < 3 && resent.Count > 0; round++)
            {
                await burst.SendAsync(host.Http, resent, Seal(resent, fake.Address), InFlight, ct);
                resent = burst.Unacknowledged.ToList();
            }

            Assert.Empty(burst.Unacknowledged);
            await using var db = new GridBotDbContext(new DbContextOptionsBuilder<GridBotDbContext>().UseSqlite(connectionString).Options);
            var deliveries = await WaitForOutboxAsync(db, number, ct);

            // Every callback (all were acknowledged in the end) is one reporter row: the ticket it opened or the one it joined.
            var reporters = await db.TicketReporters.AsNoTracking().Where(r => r.UserId.StartsWith("crash-u"))
                .Select(r => new { r.UserId, r.TicketId }).ToListAsync(ct);
            var byUser = reporters.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Count());
            var missing = Enumerable.Range(0, CrashScenario.Callbacks).Where(i => !byUser.ContainsKey(CrashScenario.UserId(i))).ToList();
            var twice = byUser.Count(u => u.Value > 1);
            var tickets = reporters.Select(r => r.TicketId).Distinct().Count();
            var processed = await db.ProcessedActivities.CountAsync(p => p.Key.Contains("crash-msg-"), ct);

            var announcementSends = await AnnouncementSendsAsync(fake, ct);
            var lateAnswers = (await fake.RecordsAsync("aibot/response", ct)).Where(r => r["errcode"]!.GetValue<int>() == 0).GroupBy(r => r["target"]!.GetValue<string>()).ToList();
            var robotDuplicates = announcementSends.Values.Sum(c => c - 1);
            var lateDuplicates = (await fake.RecordsAsync("aibot/response", ct)).Count - lateAnswers.Count;

            // Every slow callback missed the budget (its first turn, or a retry's): each needs its answer via response_url.
            var slow = Enumerable.Range(0, CrashScenario.Callbacks).Select(CrashScenario.Msgid).Where(m => SlowTurnHookMiddleware.IsChosen(m, SlowEvery)).ToList();
            var answeredLate = lateAnswers.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            var notLate = slow.Where(m => !answeredLate.Contains(m)).ToList();
            // A slow turn without a late answer is fine only if its commit settled the answer into the response (on a loaded
            // machine the budget's timer can fire after the turn committed): then no late row exists, and a 200 carried the
            // answer (or WeCom's retry got the stored replies). A late row that was written but never sent is a loss.
            var lateRows = await db.Outbox.AsNoTracking().Where(o => o.Channel == "wecom-aibot" && notLate.Contains(o.ReplyToId!)).Select(o => o.ReplyToId!).ToListAsync(ct);
            var slowWithoutAnswer = notLate.Where(lateRows.Contains).ToList();
            var answeredInResponse = notLate.Count - slowWithoutAnswer.Count;
            var slowMissing = slow.Count(m => missing.Contains(int.Parse(m["crash-msg-".Length..], System.Globalization.CultureInfo.InvariantCulture)));
            var inboxLeft = await db.TurnInbox.Select(e => e.Key).ToListAsync(ct);
            var inboxUnprocessed = await db.TurnInbox.CountAsync(e => !db.ProcessedActivities.Any(p => p.Key == e.Key), ct);

            output.WriteLine($"""
                callbacks                 {CrashScenario.Callbacks} in {CrashScenario.AiGroups} groups, {InFlight} in flight
                200 before kill           {acknowledgedAtKill} (publish after {publishAt} done, kill after {killAt} done)
                no 200 before restart     {failedBeforeRestart} (failed requests over all rounds {burst.Failed})
                re-sent after restart     {failedBeforeRestart} unanswered + {sampled.Count} answered ones (i % 10 == 0)
                tickets                   {tickets}
                merges                    {reporters.Count - tickets}
                msgids without ticket     {missing.Count}
                msgids with two tickets   {twice}
                processed msgids          {processed}
                deliveries                {deliveries.Total} sent {deliveries.Sent} pending {deliveries.Pending} failed {deliveries.Failed} lost {deliveries.Total - deliveries.Sent - deliveries.Pending}
                robot chats reached       {announcementSends.Count} of {CrashScenario.RobotGroups}, duplicate sends {robotDuplicates} (bound {OutboxParallelism})
                late answers              {lateAnswers.Count} via response_url, repeated {lateDuplicates}
                slow turns                {slow.Count} (1 in {SlowEvery}, {SlowDelay} against a budget of {ReplyBudget})
                accepted, not committed   {inboxAtKill} at the kill (inbox rows run again after the restart)
                slow: answered in reply   {answeredInResponse} (the budget's timer fired after the commit)
                slow: acknowledged lost   {slowMissing + slowWithoutAnswer.Count} (no ticket {slowMissing}, late answer written but not sent {slowWithoutAnswer.Count})
                inbox rows left           {inboxLeft.Count}, of which not processed {inboxUnprocessed}
                duration                  {started.Elapsed.TotalSeconds:0.0} s
                """);

            Assert.True(missing.Count == 0, $"{missing.Count} acknowledged callbacks have no ticket or merge, e.g. {string.Join(", ", missing.Take(5).Select(CrashScenario.Msgid))}");
            Assert.Equal(0, twice);
            Assert.True(slowWithoutAnswer.Count == 0, $"{slowWithoutAnswer.Count} slow callbacks never got their late answer, e.g. {string.Join(", ", slowWithoutAnswer.Take(5))}");
            Assert.Equal(0, inboxUnprocessed);
            Assert.Equal(CrashScenario.Callbacks, processed);
            Assert.Equal(0, deliveries.Failed);
            Assert.Equal(deliveries.Total, deliveries.Sent + deliveries.Pending);
            Assert.Equal(CrashScenario.RobotGroups, Enumerable.Range(0, CrashScenario.RobotGroups).Count(j => announcementSends.ContainsKey(CrashScenario.RobotKey(j))));
            // A repeat needs the host to die between WeCom's answer and the row's update: at most one per send in flight.
            Assert.InRange(robotDuplicates + lateDuplicates, 0, OutboxParallelism);
        }
        finally
        {
            await host.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IReadOnlyList<(string Url, string Body)> Seal(IReadOnlyList<int> indexes, Uri fake) =>
        WeComSimulator.SealMany(indexes.Select(i => CrashScenario.Callback(i, fake).ToJsonString()).ToList());

    /// <summary>Waits for a condition the burst drives; fails at once if the burst ended without reaching it.</summary>
    private static async Task WhenAsync(Func<bool> condition, Task sending, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            Assert.False(sending.IsCompleted, "the burst ended before the moment it should have reached");
            await Task.Delay(5, cancellationToken);
        }
    }

    private static async Task<int> PublishAsync(HostProcess host, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/announcements")
        {
            Content = JsonContent.Create(new { title = Title, body = "明天 9:00-12:00 燃气管道检修，请关好阀门。", targets = new[] { CrashScenario.RobotCommunity }, requireAck = false }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        using var response = await host.Http.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("number").GetInt32();
    }

    /// <summary>Announcement pushes the fake accepted, per robot.</summary>
    private static async Task<Dictionary<string, int>> AnnouncementSendsAsync(WeCom.FakeWeCom fake, CancellationToken cancellationToken) =>
        (await fake.RecordsAsync("webhook/send", cancellationToken))
            .Where(r => r["errcode"]!.GetValue<int>() == 0 && (r["body"]!["markdown"]?["content"] ?? r["body"]!["text"]?["content"])?.GetValue<string>().Contains(Title, StringComparison.Ordinal) == true)
            .GroupBy(r => r["target"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Count());

    private sealed record Deliveries(int Total, int Sent, int Pending, int Failed);

    /// <summary>Until the announcement's rows, the inbox's replays and the late answers are all sent (bounded: a stall fails with the counts).</summary>
    private static async Task<Deliveries> WaitForOutboxAsync(GridBotDbContext db, int number, CancellationToken cancellationToken)
    {
        var rows = db.Outbox.AsNoTracking().Where(o =>
            db.AnnouncementDeliveryParts.Any(p => p.OutboxMessageId == o.Id && db.AnnouncementDeliveries.Any(d => d.Id == p.DeliveryId && d.Announcement!.Number == number)));
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var statuses = await rows.Select(o => o.Status).ToListAsync(cancellationToken);
            var deliveries = new Deliveries(statuses.Count, statuses.Count(s => s == OutboxStatus.Sent), statuses.Count(s => s == OutboxStatus.Pending), statuses.Count(s => s == OutboxStatus.Failed));
            var pendingLate = await db.Outbox.CountAsync(o => o.Channel.StartsWith("wecom-aibot") && o.Status == OutboxStatus.Pending, cancellationToken);
            // Inbox messages the restart is still running again have no outbox row yet.
            var replaying = await db.TurnInbox.CountAsync(e => !db.ProcessedActivities.Any(p => p.Key == e.Key), cancellationToken);
            if ((deliveries.Pending == 0 && pendingLate == 0 && replaying == 0) || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                return deliveries;
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
