using System.CommandLine;
using Spectre.Console;
using GridBot.Dialogs.Announcements;
using GridBot.Dialogs.Calendar;
using GridBot.Host.Endpoints;
using GridBot.Store;
using GridBot.Store.Announcements;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Cli;

/// <summary>
/// announce --targets &lt;codes&gt; --title T --body-file FILE [--at TIME] [--require-ack] [--dry-run]: prints the
/// reach, then publishes (or schedules) through the same publisher as the API and the chat command.
/// </summary>
internal static class AnnounceVerb
{
    public static Command Create(string[] settings)
    {
        var targets = new Option<string>("--targets") { Description = "目标网格编码，逗号分隔（每个编码含其全部下级网格）", HelpName = "编码,编码", Required = true };
        var title = new Option<string>("--title") { Description = $"标题（一行，最多 {Announcement.MaxTitleLength} 字）", HelpName = "标题", Required = true };
        title.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>()?.Trim() is not { Length: > 0 and <= Announcement.MaxTitleLength })
            {
                result.AddError($"--title 须为 1 到 {Announcement.MaxTitleLength} 字。");
            }
        });
        var bodyFile = new Option<FileInfo>("--body-file") { Description = $"正文文件（最多 {Announcement.MaxBodyLength} 字）", HelpName = "文件", Required = true };
        var at = CliOptions.Time("--at", "定时发布的时刻（默认立即）");
        var requireAck = new Option<bool>("--require-ack") { Description = "要求各群回复“收到”" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只预览覆盖范围，不保存不发送" };
        var noWait = new Option<bool>("--no-wait") { Description = "写入发送队列后立即退出，不等运行中的机器人发完" };
        var publisherName = new Option<string>("--publisher") { Description = "发布人（默认“命令行”）", HelpName = "姓名" };
        var json = CliOptions.Json();
        var command = new Command("announce", "发布公告：先打印覆盖的群和网格，再发布或定时") { targets, title, bodyFile, at, requireAck, dryRun, noWait, publisherName, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var codes = parsed.GetRequiredValue(targets).Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var file = parsed.GetRequiredValue(bodyFile);
            string body;
            try
            {
                body = (await File.ReadAllTextAsync(file.FullName, cancellationToken)).Trim();
            }
            catch (IOException ex)
            {
                return CliOutput.Error($"读不到正文文件：{ex.Message}");
            }

            if (body.Length == 0 || body.Length > Announcement.MaxBodyLength)
            {
                return CliOutput.Usage($"--body-file 的正文须为 1 到 {Announcement.MaxBodyLength} 字（现 {body.Length} 字）。");
            }

            using var host = await CliHost.StartAsync(settings, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var reach = await services.GetRequiredService<AnnouncementReachFinder>().FindAsync(codes, cancellationToken);
            if (reach.UnknownCodes.Count > 0)
            {
                return CliOutput.Error($"没有这些网格编码：{string.Join("、", reach.UnknownCodes)}");
            }

            var publisher = services.GetRequiredService<AnnouncementPublisher>();
            var name = parsed.GetValue(publisherName) is { Length: > 0 } given ? given : "命令行";
            var draft = new AnnouncementDraft(parsed.GetRequiredValue(title).Trim(), body, codes, parsed.GetValue(requireAck), parsed.GetValue(at), "cli", name);
            var asJson = parsed.GetValue(json);
            var console = CliOutput.Out();
            if (parsed.GetValue(dryRun))
            {
                if (asJson)
                {
                    CliOutput.Json(new AnnouncementPreview(reach.Chats.Count, reach.GridCount, publisher.CountParts(draft), reach.CustomerGroupCount));
                }
                else
                {
                    console.WriteLine($"{AnnouncementTexts.Reach(reach)}，每群 {publisher.CountParts(draft)} 条。（预览，未发送）");
                }

                return CliExit.Done;
            }

            var announcement = await publisher.PublishAsync(draft, reach, cancellationToken);
            if (announcement.PublishedUtc is not null && !parsed.GetValue(noWait))
            {
                await WaitForFanOutAsync(services.GetRequiredService<GridBotDbContext>(), announcement.Id, cancellationToken);
            }

            await host.StopAsync(cancellationToken);
            if (asJson)
            {
                CliOutput.Json(new AnnouncementCreated(
                    announcement.Number, announcement.Status.ToString(), reach.Chats.Count, reach.GridCount,
                    publisher.CountParts(draft), reach.CustomerGroupCount, announcement.ScheduledUtc, announcement.PublishedUtc));
                return CliExit.Done;
            }

            var zone = services.GetRequiredService<ChinaWorkingCalendar>();
            console.WriteLine($"{AnnouncementTexts.Reach(reach)}，每群 {publisher.CountParts(draft)} 条。");
            console.WriteLine(announcement.PublishedUtc is null
                ? $"已保存公告 {announcement.Number}，将于 {zone.ToLocalTime(announcement.ScheduledUtc!.Value):yyyy-MM-dd HH:mm}（北京时间）由运行中的机器人发布。"
                : parsed.GetValue(noWait)
                    ? $"已发布公告 {announcement.Number}，已写入 {reach.Chats.Count} 个群的发送队列，由运行中的机器人发送。"
                    : $"已发布公告 {announcement.Number}，{reach.Chats.Count} 个群的发送队列已由机器人处理完。");
            return CliExit.Done;
        });
        return command;
    }

    /// <summary>
    /// The running bot sends the outbox rows this verb wrote; wait (bar of parts sent or failed) until none is pending,
    /// polling the same database the bot writes to.
    /// </summary>
    private static Task WaitForFanOutAsync(GridBotDbContext db, long announcementId, CancellationToken cancellationToken) =>
        CliProgress.BarAsync("等待机器人发送（Ctrl+C 停止等待，公告已保存）", async report =>
        {
            while (true)
            {
                var statuses = await db.AnnouncementDeliveryParts.AsNoTracking()
                    .Where(p => db.AnnouncementDeliveries.Any(d => d.Id == p.DeliveryId && d.AnnouncementId == announcementId))
                    .Select(p => p.OutboxMessage!.Status)
                    .ToListAsync(cancellationToken);
                var done = statuses.Count(s => s != OutboxStatus.Pending);
                report(done, statuses.Count);
                if (done == statuses.Count)
                {
                    return done;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        });
}
