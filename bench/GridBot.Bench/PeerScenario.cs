using System.Globalization;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Bench;

/// <summary>
/// GridBot against its peer, the Bot Framework JS SDK echo bot (<see cref="PeerEchoBot"/>: memory state, nothing durable),
/// driven by the same closed-loop generator in one run at 16 and 64 connections: the same residents' reports with
/// unique activity ids over the 2,009 bound chats, expectReplies. GridBot files a durable ticket or merge per report.
/// The ratio (GridBot's requests per second ÷ the peer's) is taken with GridBot as its own process
/// (<see cref="GridBotProcess"/>), measured like the peer's node process; then the same load goes to a GridBot inside
/// the bench's process, whose rows carry where the turn's time goes (commands and statements per turn, database time,
/// the wait for SQLite's write lock, the commit, the time the lock is held: <see cref="DbTimeMeter"/> sees only its own
/// process's EF events).
/// </summary>
internal static class PeerScenario
{
    private static readonly int[] Concurrencies = [16, 64];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var results = new List<BenchResult>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        var peerPerSecond = new Dictionary<int, double>();
        await using (var peer = await PeerEchoBot.StartAsync(cancellationToken))
        await using (var bot = await GridBotProcess.StartAsync(NewFolder(), cancellationToken))
        {
            foreach (var concurrency in Concurrencies)
            {
                // Warm both up so JIT and connection set-up are not measured.
                await IntakeScenario.MeasureAsync("peer", "echo bot (JS SDK)", peer.Url, concurrency, TimeSpan.FromSeconds(1), http, PeerEchoBot.HasEcho, cancellationToken);
                var peerResult = await IntakeScenario.MeasureAsync("peer", "echo bot (JS SDK)", peer.Url, concurrency, duration, http, PeerEchoBot.HasEcho, cancellationToken);
                await IntakeScenario.MeasureAsync("peer", "gridbot", bot.Url, concurrency, TimeSpan.FromSeconds(1), http, IntakeScenario.HasTicket, cancellationToken);
                var botResult = await IntakeScenario.MeasureAsync("peer", "gridbot", bot.Url, concurrency, duration, http, IntakeScenario.HasTicket, cancellationToken);
                peerPerSecond[concurrency] = peerResult.PerSecond;
                // Peak MB and GC counts are the bench process's (the generator's), not the servers'.
                results.Add(peerResult with { Notes = PeerEchoBot.Versions + ", ConversationState over MemoryStorage, own node process" });
                results.Add(botResult with { RatioToBaseline = botResult.PerSecond / peerResult.PerSecond, Notes = "own process (GridBot.Host.dll)" });
            }

            var tickets = await bot.CountTicketsAsync(cancellationToken);
            results[^1] = results[^1] with { Notes = results[^1].Notes + string.Create(CultureInfo.InvariantCulture, $"; {tickets} tickets in its database after the run") };
        }

        var folder = NewFolder();
        await using var inProcess = await IntakeScenario.StartBotAsync(folder, cancellationToken);
        var inProcessUrl = new Uri(new Uri(inProcess.Urls.First()), "/api/webchat/messages");
        using var meter = new DbTimeMeter();
        foreach (var concurrency in Concurrencies)
        {
            await IntakeScenario.MeasureAsync("peer", "gridbot in bench", inProcessUrl, concurrency, TimeSpan.FromSeconds(1), http, IntakeScenario.HasTicket, cancellationToken);
            meter.Reset();
            var botResult = await IntakeScenario.MeasureAsync("peer", "gridbot in bench", inProcessUrl, concurrency, duration, http, IntakeScenario.HasTicket, cancellationToken);
            results.Add(botResult with { RatioToBaseline = botResult.PerSecond / peerPerSecond[concurrency], Notes = "in the bench's process; " + PerTurn(meter, botResult.Requests) });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gridbot in bench at {concurrency}: commands per turn (count ÷ turns, ms per turn)"));
            foreach (var (command, count, elapsed) in meter.MostRun(14))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {(double)count / Math.Max(1, botResult.Requests),5:0.00} {elapsed.TotalMilliseconds / Math.Max(1, botResult.Requests),6:0.000}  {command}"));
            }
        }

        await using (var scope = inProcess.Services.CreateAsyncScope())
        {
            var tickets = await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Tickets.CountAsync(cancellationToken);
            results[^1] = results[^1] with { Notes = results[^1].Notes + string.Create(CultureInfo.InvariantCulture, $"; {tickets} tickets in the database after the run") };
        }

        await inProcess.StopAsync(cancellationToken);
        return results;
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string PerTurn(DbTimeMeter meter, long turns)
    {
        double Per(double total) => turns == 0 ? 0 : total / turns;
        return string.Create(CultureInfo.InvariantCulture,
            $"per turn: {Per(meter.Commands):0.0} commands, {Per(meter.Statements):0.0} statements, {Per(meter.Transactions):0.00} write transactions, db {Per(meter.Elapsed.TotalMilliseconds):0.00} ms, lock wait {Per(meter.BeginWait.TotalMilliseconds):0.00} ms, commit {Per(meter.Commit.TotalMilliseconds):0.00} ms, lock held {Per(meter.Held.TotalMilliseconds):0.00} ms");
    }
}
