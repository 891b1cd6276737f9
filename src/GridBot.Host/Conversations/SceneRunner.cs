using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GridBot.Dialogs.Core;
using GridBot.Host.Channels.WebChat;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Conversations;

/// <summary>
/// Plays one scene against the host the way the chat page talks to it (Bot Framework activities to /api/webchat/messages
/// with expectReplies), then reads what came of it: tickets through the staff API, messages sent outside the turn
/// from the outbox. Every difference from the scene's expectation is one line of the result.
/// </summary>
internal sealed partial class SceneRunner(SceneHost host)
{
    // The chat page sends a photo as an image attachment with an https address.
    private const string Photo = "https://example.com/photos/scene.jpg";

    public async Task<SceneResult> PlayAsync(string file, Scene scene, SceneStage stage, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var said = new List<string>();
        var lastBotActivity = new Dictionary<string, string>(StringComparer.Ordinal);
        var step = 0;
        foreach (var turn in scene.Turns)
        {
            step++;
            if (turn.Wait is { } wait)
            {
                host.Clock.Advance(wait);
                continue;
            }

            var speaker = stage.Speaker(turn.From!);
            if (speaker is null)
            {
                failures.Add($"turn {step}: nobody called '{turn.From}' in this scene (residents: {string.Join("、", scene.Residents)}; staff: {string.Join("、", stage.Staff.Select(s => s.Name))})");
                break;
            }

            var text = await FillAsync(turn.Text ?? "", stage, cancellationToken);
            var conversation = turn.Private ? SceneStage.PrivateChatOf(speaker) : stage.GroupId;
            var activity = Build(stage, speaker, conversation, text, turn, lastBotActivity.GetValueOrDefault(conversation), host.Clock.GetUtcNow());
            var (replies, error) = await SendAsync(activity, cancellationToken);
            if (error is not null)
            {
                failures.Add($"turn {step} ({turn.From}: {Short(text)}): {error}");
                continue;
            }

            if (replies.LastOrDefault(r => r.Id is not null) is { } last)
            {
                lastBotActivity[conversation] = last.Id!;
            }

            var replyText = string.Join("\n", replies.Select(r => r.Text ?? ""));
            said.AddRange(replies.Select(r => r.Text ?? ""));
            if (turn.Expect is { } wanted)
            {
                var expect = await FillAsync(wanted, stage, cancellationToken);
                failures.AddRange(SceneChecks.Reply(expect, replies.Count, replyText).Select(f => $"turn {step} ({turn.From}: {Short(text)}): {f}"));
            }
        }

        var messages = await MessagesAsync(stage, cancellationToken);
        var (tickets, apiError) = await TicketsAsync(stage, cancellationToken);
        if (apiError is not null)
        {
            failures.Add(apiError);
        }
        else if (scene.Expect.Tickets is { } expected)
        {
            failures.AddRange(SceneChecks.Tickets(expected, tickets));
        }

        if (apiError is null && scene.Expect.EveryTicket is { } every)
        {
            failures.AddRange(SceneChecks.EveryTicket(every, tickets));
        }

        var expectedMessages = scene.Expect.Messages
            .Select(m => new MessageExpectation { To = m.To, Contains = [.. m.Contains.Select(c => Fill(c, tickets))], Count = m.Count }).ToList();
        failures.AddRange(SceneChecks.Messages(expectedMessages, stage, messages));
        var everything = said.Concat(messages.Select(m => m.Text)).ToList();
        failures.AddRange(SceneChecks.Never(scene.Expect.NeverContains.Select(c => Fill(c, tickets)), everything));
        if (!scene.Expect.AllowPhones)
        {
            var phones = scene.Turns.Where(t => t.Text is not null && stage.Speaker(t.From ?? "")?.Role == Store.Grids.MemberRole.Resident)
                .SelectMany(t => Phone().Matches(t.Text!).Select(m => m.Value)).Distinct().ToList();
            failures.AddRange(SceneChecks.Never(phones, everything).Select(f => f + " (a phone must be masked)"));
        }

        return new SceneResult(file, scene.Id, scene.Behaviour, failures, tickets.Count);
    }

    private static Activity Build(SceneStage stage, SceneSpeaker speaker, string conversation, string text, SceneTurn turn, string? lastBotActivity, DateTimeOffset now)
    {
        var entities = new List<Entity>();
        if (turn.MentionBot)
        {
            text = "@" + SceneStage.BotName + " " + text;
        }

        // As the chat page does: the bot's name after @, and each staff name after @ (longest first, so "@李明华" is not 李明).
        if (text.Contains("@" + SceneStage.BotName, StringComparison.Ordinal))
        {
            entities.Add(new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = SceneStage.BotId, Name = SceneStage.BotName }, Text = "@" + SceneStage.BotName });
        }

        var rest = text;
        foreach (var staff in stage.Staff.OrderByDescending(s => s.Name.Length))
        {
            foreach (var tag in new[] { "@" + staff.Name, "＠" + staff.Name })
            {
                if (rest.Contains(tag, StringComparison.Ordinal))
                {
                    entities.Add(new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = staff.UserId, Name = staff.Name }, Text = tag });
                    rest = rest.Replace(tag, " ", StringComparison.Ordinal);
                }
            }
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = now,
            ChannelId = WebChatSender.ChannelName,
            ServiceUrl = "http://127.0.0.1",
            From = new ChannelAccount { Id = speaker.UserId, Name = speaker.Name },
            Recipient = new ChannelAccount { Id = SceneStage.BotId, Name = SceneStage.BotName },
            Conversation = new ConversationAccount { Id = conversation, IsGroup = !turn.Private, Name = turn.Private ? null : stage.GroupName },
            Text = text,
            Locale = "zh-CN",
            DeliveryMode = DeliveryModes.ExpectReplies,
            Entities = entities.Count > 0 ? entities : null,
            ReplyToId = turn.QuoteBot ? lastBotActivity : null,
            Attachments = turn.Image ? [new Attachment { ContentType = "image/jpeg", ContentUrl = Photo }] : null,
        };
    }

    private async Task<(IReadOnlyList<Activity> Replies, string? Error)> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var response = await host.Http.PostAsJsonAsync("/api/webchat/messages", activity, ActivityJson.Default.Activity, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ([], $"HTTP {(int)response.StatusCode} from /api/webchat/messages: {Short(await response.Content.ReadAsStringAsync(cancellationToken))}");
        }

        var body = await response.Content.ReadFromJsonAsync(ActivityJson.Default.ExpectedReplies, cancellationToken);
        return ((body?.Activities ?? []).Where(a => a.Type == ActivityTypes.Message && (!string.IsNullOrEmpty(a.Text) || a.Attachments is { Count: > 0 })).ToList(), null);
    }

    /// <summary>The expectation with ticket placeholders filled in as they stand after the turn ("says the number").</summary>
    private async Task<ReplyExpectation> FillAsync(ReplyExpectation expect, SceneStage stage, CancellationToken cancellationToken)
    {
        async Task<List<string>> Fill(List<string> words)
        {
            var filled = new List<string>(words.Count);
            foreach (var word in words)
            {
                filled.Add(await FillAsync(word, stage, cancellationToken));
            }

            return filled;
        }

        return new ReplyExpectation
        {
            Reply = expect.Reply,
            Contains = await Fill(expect.Contains),
            ContainsAny = await Fill(expect.ContainsAny),
            NotContains = await Fill(expect.NotContains),
        };
    }

    /// <summary>{ticket1} is the number of the scene's first ticket so far, {ticket1.tail} its last part ("0012").</summary>
    private async Task<string> FillAsync(string text, SceneStage stage, CancellationToken cancellationToken)
    {
        if (!text.Contains("{ticket", StringComparison.Ordinal))
        {
            return text;
        }

        var (tickets, _) = await TicketsAsync(stage, cancellationToken);
        return Fill(text, tickets);
    }

    private static string Fill(string text, IReadOnlyList<JsonElement> tickets) =>
        TicketPlaceholder().Replace(text, m =>
        {
            var index = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
            if (index < 0 || index >= tickets.Count)
            {
                return m.Value;
            }

            var number = tickets[index].GetProperty("number").GetString() ?? "";
            return m.Groups[2].Success ? number[(number.LastIndexOf('-') + 1)..] : number;
        });

    /// <summary>The scene grid's tickets, oldest first, each with its history (the staff API's detail view).</summary>
    private async Task<(IReadOnlyList<JsonElement> Tickets, string? Error)> TicketsAsync(SceneStage stage, CancellationToken cancellationToken)
    {
        using var list = await host.Http.GetAsync($"/api/tickets?grid={Uri.EscapeDataString(stage.GridCode)}&limit=500", cancellationToken);
        if (!list.IsSuccessStatusCode)
        {
            return ([], $"staff API GET /api/tickets answered {(int)list.StatusCode}");
        }

        var summaries = await list.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var tickets = new List<JsonElement>();
        foreach (var summary in summaries.EnumerateArray().Reverse())
        {
            var number = summary.GetProperty("number").GetString();
            using var detail = await host.Http.GetAsync($"/api/tickets/{Uri.EscapeDataString(number ?? "")}", cancellationToken);
            if (!detail.IsSuccessStatusCode)
            {
                return ([], $"staff API GET /api/tickets/{number} answered {(int)detail.StatusCode}");
            }

            tickets.Add(await detail.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
        }

        return (tickets, null);
    }

    /// <summary>What the bot said outside the turns' answers into the scene's group or its people's private chats.</summary>
    private Task<List<SceneMessage>> MessagesAsync(SceneStage stage, CancellationToken cancellationToken)
    {
        var byConversation = new Dictionary<string, string>(StringComparer.Ordinal) { [stage.GroupId] = "group" };
        foreach (var speaker in stage.Speakers)
        {
            byConversation[speaker.UserId] = speaker.Name;
            byConversation[SceneStage.PrivateChatOf(speaker)] = speaker.Name;
        }

        var ids = byConversation.Keys.ToList();
        return host.QueryAsync(async db =>
        {
            var rows = await db.Outbox.AsNoTracking()
                .Where(o => o.Channel == WebChatSender.ChannelName && ids.Contains(o.ConversationId))
                .OrderBy(o => o.Id)
                .Select(o => new { o.ConversationId, o.Text })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new SceneMessage(byConversation[r.ConversationId], r.Text)).ToList();
        });
    }

    private static string Short(string text) => text.Length <= 40 ? text.ReplaceLineEndings(" ") : text[..40].ReplaceLineEndings(" ") + "…";

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\{ticket(\d+)(\.tail)?\}")]
    private static partial Regex TicketPlaceholder();
}

internal sealed record SceneMessage(string To, string Text);

internal sealed record SceneResult(string File, string Id, string Behaviour, IReadOnlyList<string> Failures, int Tickets)
{
    public bool Passed => Failures.Count == 0;
}
