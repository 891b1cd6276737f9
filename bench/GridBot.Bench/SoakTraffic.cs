using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using GridBot.Dialogs.Core;
using GridBot.Host.Channels.WeCom.Crypto;

namespace GridBot.Bench;

/// <summary>
/// One request of each soak kind against a running host: residents' reports and their duplicates on the chat page's
/// /api/webchat/messages, sealed 智能机器人 callbacks, a grid leader's 工单 / 派单 / 办结 on the tickets the reports opened,
/// console pages, and an announcement to one street. Each answer is checked for what that kind must return.
/// </summary>
internal sealed partial class SoakTraffic(Uri bot, Uri fake, HttpClient http, HttpClient console, string apiToken)
{
    /// <summary>The repeating mix of 20 arrivals; announcements come on their own timer.</summary>
    public static readonly SoakKind[] Mix =
    [
        SoakKind.Report, SoakKind.AiBot, SoakKind.Console, SoakKind.Report, SoakKind.Command,
        SoakKind.Duplicate, SoakKind.Report, SoakKind.AiBot, SoakKind.Console, SoakKind.Command,
        SoakKind.Report, SoakKind.Duplicate, SoakKind.AiBot, SoakKind.Console, SoakKind.Report,
        SoakKind.Command, SoakKind.Report, SoakKind.AiBot, SoakKind.Duplicate, SoakKind.Console,
    ];

    private static readonly string[] ConsolePages = ["/console", "/console?page=5", "/console?status=Assigned", "/console/grids", "/console?q=楼道"];

    private readonly WeComCrypto _crypto = new(WeComAiBotScenario.Token, WeComAiBotScenario.Key, "");
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    // Reports the bot registered, for duplicates to repeat and for leaders to dispatch and then close.
    private readonly ConcurrentQueue<(int Chat, string Text)> _recentReports = new();
    private readonly ConcurrentQueue<(int Chat, string Number)> _toAssign = new();
    private readonly ConcurrentQueue<(int Chat, string Number)> _toClose = new();
    private long _leaderTurns;

    public Task<bool> SendAsync(SoakKind kind, long sequence, CancellationToken cancellationToken) => kind switch
    {
        SoakKind.Report => ReportAsync(sequence, cancellationToken),
        SoakKind.Duplicate => DuplicateAsync(sequence, cancellationToken),
        SoakKind.AiBot => AiBotAsync(sequence, cancellationToken),
        SoakKind.Command => CommandAsync(sequence, cancellationToken),
        SoakKind.Console => ConsoleAsync(sequence, cancellationToken),
        SoakKind.Announce => AnnounceAsync(sequence, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private async Task<bool> ReportAsync(long sequence, CancellationToken cancellationToken)
    {
        // Spread over the first 685 micro-grids, one per grid, so each report's grid leader is leader-{chat}.
        var chat = (int)(sequence * 7919 % 685);
        var text = string.Format(CultureInfo.InvariantCulture, IntakeScenario.Reports[sequence % IntakeScenario.Reports.Length], 1 + sequence / 685 % 60, 1 + sequence % 4);
        var body = await PostActivityAsync(chat, $"resident-{chat}-{sequence % 40}", "居民", text, $"r{sequence}", cancellationToken);
        // An answer without a number is the bot asking "需要登记为工单吗？": a right answer, just not a ticket to work on.
        if (body is not null && TicketNumber().Match(body) is { Success: true } number)
        {
            Keep(_recentReports, (chat, text));
            Keep(_toAssign, (chat, number.Value));
        }

        return body is not null;
    }

    private async Task<bool> DuplicateAsync(long sequence, CancellationToken cancellationToken)
    {
        // Another resident of the same group reports the same thing: it must join the open ticket.
        if (!_recentReports.TryPeek(out var report))
        {
            return await ReportAsync(sequence, cancellationToken);
        }

        var body = await PostActivityAsync(report.Chat, $"neighbour-{report.Chat}-{sequence % 40}", "居民", report.Text, $"d{sequence}", cancellationToken);
        return body is not null && TicketNumber().IsMatch(body);
    }

    private async Task<bool> CommandAsync(long sequence, CancellationToken cancellationToken)
    {
        // Close before dispatching more, list when there is nothing to act on: a leader's working day in miniature.
        var turn = Interlocked.Increment(ref _leaderTurns);
        if (turn % 3 != 0 && _toClose.TryDequeue(out var assigned))
        {
            var closed = await LeaderAsync(assigned.Chat, $"办结 {assigned.Number} 已处理完毕", $"c{sequence}", cancellationToken);
            return closed is not null && closed.Contains(assigned.Number, StringComparison.Ordinal);
        }

        if (turn % 3 != 0 && _toAssign.TryDequeue(out var open))
        {
            var dispatched = await LeaderAsync(open.Chat, $"派单 {open.Number} @网格长{open.Chat}", $"a{sequence}", cancellationToken);
            var ok = dispatched is not null && dispatched.Contains(open.Number, StringComparison.Ordinal);
            if (ok)
            {
                _toClose.Enqueue(open);
            }

            return ok;
        }

        var chat = (int)(sequence % 685);
        return await LeaderAsync(chat, "工单", $"l{sequence}", cancellationToken) is not null;
    }

    private Task<string?> LeaderAsync(int chat, string text, string id, CancellationToken cancellationToken) =>
        PostActivityAsync(chat, $"leader-{chat}", $"网格长{chat}", text, id, cancellationToken);

    private async Task<string?> PostActivityAsync(int chat, string fromId, string fromName, string text, string id, CancellationToken cancellationToken)
    {
        var activity = BenchActivities.GroupMessage($"soak-{_run}-{id}", $"bench-{chat}", fromId, fromName, text);
        using var response = await http.PostAsJsonAsync(new Uri(bot, "/api/webchat/messages"), activity, ActivityJson.Default.Activity, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
    }

    private async Task<bool> AiBotAsync(long sequence, CancellationToken cancellationToken)
    {
        var chat = (int)(685 + sequence * 7919 % (DistrictData.MicroGrids - 685));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var (query, body) = WeComBenchData.AiBotCallback(_crypto, $"soak-{_run}-{sequence}", chat, $"resident-{chat}-{sequence % 40}",
            $"@网格小助手 {1 + sequence / 1324 % 60}号楼{1 + sequence % 4}单元电梯又坏了", timestamp, $"{_run}{sequence:0000000}",
            new Uri(fake, $"/cgi-bin/aibot/response?response_code=soak-{sequence}").ToString());
        using var response = await http.PostAsync(new Uri(bot, "/api/wecom/aibot" + query), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private async Task<bool> ConsoleAsync(long sequence, CancellationToken cancellationToken)
    {
        using var response = await console.GetAsync(ConsolePages[sequence % ConsolePages.Length], cancellationToken);
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private async Task<bool> AnnounceAsync(long sequence, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot, "/api/announcements"))
        {
            Content = JsonContent.Create(new
            {
                title = $"第{sequence + 1}期 停水通知",
                body = $"各位居民：因管网检修，本街道明天上午9点至11点停水，请提前储水。\n有疑问请联系本网格网格员。（第{sequence + 1}期）",
                targets = new[] { $"D-S{sequence % 8}" },
                requireAck = false,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private static void Keep<T>(ConcurrentQueue<T> queue, T item)
    {
        // Reports arrive faster than leaders close them: a bounded window of the newest, so the load generator's own
        // memory stays flat and does not blur the host's.
        queue.Enqueue(item);
        while (queue.Count > 200)
        {
            queue.TryDequeue(out _);
        }
    }

    [GeneratedRegex(@"GD\d{8}-\d+", RegexOptions.None, 2000)]
    private static partial Regex TicketNumber();
}
