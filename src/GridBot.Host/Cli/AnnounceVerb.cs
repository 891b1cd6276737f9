using GridBot.Dialogs.Announcements;
using GridBot.Dialogs.Calendar;
using GridBot.Host.Endpoints;
using GridBot.Store.Announcements;

namespace GridBot.Host.Cli;

/// <summary>
/// announce --targets &lt;codes&gt; --title T --body-file FILE [--at "2026-11-24 09:00"] [--require-ack] [--dry-run]:
/// prints the reach, then publishes (or schedules) through the same publisher as the API and the chat command.
/// </summary>
internal static class AnnounceVerb
{
    public const string Usage =
        "  dotnet run --project src/GridBot.Host -- announce --targets <编码,编码> --title 标题 --body-file FILE [--at \"2026-11-24 09:00\"] [--require-ack] [--dry-run]   发布公告（编码含全部下级网格）";

    public static async Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var list = args.ToList();
        var requireAck = list.Remove("--require-ack");
        var dryRun = list.Remove("--dry-run");
        var parsed = CliArguments.Parse(list, "targets", "title", "body-file", "at", "publisher");
        var codes = (parsed["targets"] ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = parsed["title"]?.Trim() ?? "";
        if (codes.Length == 0 || title.Length == 0 || string.IsNullOrEmpty(parsed["body-file"]))
        {
            await Console.Error.WriteLineAsync("用法：\n" + Usage);
            return 2;
        }

        if (title.Length > Announcement.MaxTitleLength)
        {
            await Console.Error.WriteLineAsync($"标题最多 {Announcement.MaxTitleLength} 字。");
            return 2;
        }

        string body;
        try
        {
            body = (await File.ReadAllTextAsync(parsed["body-file"]!, cancellationToken)).Trim();
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"读不到正文文件：{ex.Message}");
            return 1;
        }

        if (body.Length == 0 || body.Length > Announcement.MaxBodyLength)
        {
            await Console.Error.WriteLineAsync($"正文须为 1 到 {Announcement.MaxBodyLength} 字（现 {body.Length} 字）。");
            return 2;
        }

        using var host = await CliHost.StartAsync(parsed.Settings, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        DateTime? atUtc = null;
        if (parsed["at"] is { Length: > 0 } at)
        {
            atUtc = AnnouncementEndpoints.ParseScheduleAt(at, services.GetRequiredService<ChinaWorkingCalendar>().TimeZone);
            if (atUtc is null)
            {
                await Console.Error.WriteLineAsync($"时间格式应为 2026-11-24 09:00（北京时间）：{at}");
                return 2;
            }
        }

        var reach = await services.GetRequiredService<AnnouncementReachFinder>().FindAsync(codes, cancellationToken);
        if (reach.UnknownCodes.Count > 0)
        {
            await Console.Error.WriteLineAsync($"没有这些网格编码：{string.Join("、", reach.UnknownCodes)}");
            return 1;
        }

        var publisher = services.GetRequiredService<AnnouncementPublisher>();
        var draft = new AnnouncementDraft(title, body, codes, requireAck, atUtc, "cli", parsed["publisher"] is { Length: > 0 } name ? name : "命令行");
        Console.WriteLine($"{AnnouncementTexts.Reach(reach)}，每群 {publisher.CountParts(draft)} 条。");
        if (dryRun)
        {
            Console.WriteLine("（预览，未发送）");
            return 0;
        }

        var announcement = await publisher.PublishAsync(draft, reach, cancellationToken);
        var zone = services.GetRequiredService<ChinaWorkingCalendar>();
        Console.WriteLine(announcement.PublishedUtc is null
            ? $"已保存公告 {announcement.Number}，将于 {zone.ToLocalTime(announcement.ScheduledUtc!.Value):yyyy-MM-dd HH:mm}（北京时间）由运行中的机器人发布。"
            : $"已发布公告 {announcement.Number}，已写入 {reach.Chats.Count} 个群的发送队列，由运行中的机器人发送。");
        await host.StopAsync(cancellationToken);
        return 0;
    }
}
