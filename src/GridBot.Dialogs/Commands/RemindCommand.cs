using System.Globalization;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Reminders;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 提醒 [列表] · 提醒 日碰头 17:30 · 提醒 周联席 周一 09:00 · 提醒 暂停|恢复 日碰头: the schedules of the chat's grid.
/// Anyone on staff may look; grid leaders change their grid's, community and street staff anything in their area.
/// </summary>
public sealed class RemindCommand(GridBotDbContext db, SchedulePlanner planner, TimeProvider time, IOptions<ScheduleOptions> options) : ICommand
{
    private static readonly string[] DayWords = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public CommandDefinition Definition { get; } = new("提醒", ["提醒", "remind"], CommandAudience.Staff,
        "提醒 [列表] | 提醒 日碰头 17:30 | 提醒 周联席 周一 09:00 | 提醒 暂停 日碰头 | 提醒 恢复 日碰头", "查看、设置本群的例会和简报提醒");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var words = invocation.Arguments.Replace('：', ':').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var grid = context.Identity.Grid;
        if (words.Length == 0 || words is ["列表" or "list"])
        {
            context.Reply(await ListAsync(grid, cancellationToken));
            return;
        }

        var pause = words[0] is "暂停" or "pause" ? true : words[0] is "恢复" or "resume" ? false : (bool?)null;
        var kindWord = pause is null ? words[0] : words.ElementAtOrDefault(1) ?? "";
        if (ScheduleNames.Parse(kindWord) is not { } kind)
        {
            context.Reply($"没有“{kindWord}”这个提醒。网格群可设置：日碰头、早派工；社区群可设置：日报、周报、周联席；街道群可设置：日报、周报。\n{CommandTexts.Usage(Definition.Usage)}");
            return;
        }

        if (!SchedulePlanner.Serves(kind, grid.Level))
        {
            context.Reply(ScheduleNames.IsGridSchedule(kind)
                ? $"{ScheduleNames.Of(kind)}是网格的提醒，请在网格群里设置。"
                : $"{ScheduleNames.Of(kind)}发往社区、街道工作群，请在那里设置。");
            return;
        }

        if (!MayChange(context, grid))
        {
            context.Reply("只有本网格的网格长，或所属社区、街道的工作人员可以修改提醒时间。发送“提醒 列表”可查看当前安排。");
            return;
        }

        TimeOnly? at = null;
        var day = -1;
        if (pause is null)
        {
            var rest = words.Skip(1).ToList();
            day = ScheduleNames.IsWeekly(kind) && rest.Count == 2 ? Array.IndexOf(DayWords, rest[0].Replace("星期", "周", StringComparison.Ordinal)) : -1;
            if (rest.Count != (day >= 0 ? 2 : 1) || !TimeOnly.TryParseExact(rest[^1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                context.Reply(ScheduleNames.IsWeekly(kind)
                    ? $"请这样写：提醒 {ScheduleNames.Of(kind)} 周一 09:00（星期几可省略）。"
                    : $"请这样写：提醒 {ScheduleNames.Of(kind)} 17:30（北京时间，24小时制）。");
                return;
            }

            at = parsed;
        }

        // Staged in the turn's unit of work: saved with the reply, or not at all.
        var own = await db.ScheduleOverrides.FirstOrDefaultAsync(o => o.GridId == grid.Id && o.Kind == kind, cancellationToken);
        if (own is null)
        {
            own = new ScheduleOverride { GridId = grid.Id, Kind = kind, UpdatedBy = context.Identity.Name };
            db.ScheduleOverrides.Add(own);
        }

        own.UpdatedBy = context.Identity.Name;
        own.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        if (pause is { } paused)
        {
            own.Paused = paused;
            context.Reply(paused
                ? $"已暂停{grid.Name}的{ScheduleNames.Of(kind)}提醒，发送“提醒 恢复 {ScheduleNames.Of(kind)}”可恢复。"
                : $"已恢复{grid.Name}的{ScheduleNames.Of(kind)}提醒，{Describe(kind, own)}。");
            return;
        }

        own.Time = at;
        own.Day = day >= 0 ? (DayOfWeek)day : own.Day;
        own.Paused = false;
        context.Reply($"好的，{grid.Name}的{ScheduleNames.Of(kind)}改为{Describe(kind, own)}。");
    }

    private static bool MayChange(TurnContext context, Grid grid) =>
        context.Identity.Role >= MemberRole.Leader && context.Identity.Scope.Contains(grid.Path);

    private string Describe(ScheduleKind kind, ScheduleOverride? own)
    {
        var at = (own?.Time ?? options.Value.DefaultTime(kind)).ToString("HH:mm", CultureInfo.InvariantCulture);
        var weekday = DayWords[(int)(own?.Day ?? options.Value.DefaultDay(kind))];
        return kind switch
        {
            ScheduleKind.WeeklyMeeting => $"每{weekday} {at} 召开（逢节假日顺延到下一个工作日），议程在前一个工作日 " +
                options.Value.WeeklyMeetingReminderTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " 发出",
            ScheduleKind.WeeklyDigest => $"每{weekday} {at}（逢节假日顺延到下一个工作日）",
            _ => $"每个工作日 {at}（法定节假日不发，调休上班日照发）",
        };
    }

    private async Task<string> ListAsync(Grid grid, CancellationToken cancellationToken)
    {
        var kinds = ScheduleNames.Timed.Where(k => SchedulePlanner.Serves(k, grid.Level)).ToList();
        if (kinds.Count == 0)
        {
            return $"{grid.Name}没有定时提醒：日碰头发往网格群，日报、周报发往社区和街道工作群。";
        }

        var owns = await db.ScheduleOverrides.AsNoTracking().Where(o => o.GridId == grid.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var next = await planner.SlotsAsync(kinds, now, now.AddDays(21), grid.Code, cancellationToken);
        var lines = new List<string> { $"{grid.Name}的提醒（北京时间）：" };
        foreach (var kind in kinds)
        {
            var own = owns.FirstOrDefault(o => o.Kind == kind);
            var off = own?.Paused ?? (kind == ScheduleKind.MorningDispatch && !options.Value.MorningDispatchEnabled);
            var upcoming = next.FirstOrDefault(s => s.Kind == kind);
            lines.Add(off
                ? $"· {ScheduleNames.Of(kind)}：已暂停"
                : $"· {ScheduleNames.Of(kind)}：{Describe(kind, own)}" + (upcoming is null ? "" : $"，下一次 {upcoming.LocalTime:M月d日 HH:mm}"));
        }

        lines.Add("修改：提醒 日碰头 17:30；暂停：提醒 暂停 日碰头。");
        return string.Join("\n", lines);
    }
}
