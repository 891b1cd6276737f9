using System.Globalization;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Reminders;
using GridBot.Host.Jobs;
using GridBot.Store.Configuration;
using Microsoft.Extensions.Options;
using Quartz;

namespace GridBot.Host.Schedules;

/// <summary>
/// Quartz in the host: a persistent ADO.NET store (schema provisioned at start, System.Text.Json data) on its own
/// SQLite file, or clustered on PostgreSQL when the bot's store is there,
/// and a handful of triggers that tick. Which grid fires when is decided by the feature services on the working
/// calendar, not by one trigger per grid: 2,009 grids at 17:30 are one fire.
/// </summary>
public static class SchedulesHostingExtensions
{
    public static IHostApplicationBuilder AddGridBotSchedules(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddReminders(configuration);
        var provider = StoreSettings.ProviderOf(configuration);
        var connection = QuartzConnection.Resolve(configuration, provider);

        builder.Services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.PostgreSql)
                {
                    // Every host runs a scheduler on the shared tables; each trigger fire is taken by one node (a
                    // generated instance id per host), and a dead node's fires are recovered by another.
                    store.UsePostgres(connection);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                }
                else
                {
                    store.UseSqlite(connection);
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });

            q.AddJob<SendDailyHuddlesJob>(j => j.WithIdentity(SendDailyHuddlesJob.Key).StoreDurably());
            // A missed tick is not replayed by Quartz: the next tick (and the start-up run) looks back over the grace.
            q.AddTrigger((services, t) => t.ForJob(SendDailyHuddlesJob.Key).WithIdentity("huddles-every-minute", "schedules")
                .WithCronSchedule("0 * * * * ?", c => c.InTimeZone(ZoneOf(services)).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.AddTrigger(t => t.ForJob(SendDailyHuddlesJob.Key).WithIdentity("huddles-on-start", "schedules").StartNow()
                .UsingJobData(SendDailyHuddlesJob.LookBackKey, TimeSpan.FromDays(1).ToString("c", CultureInfo.InvariantCulture)));

            q.AddJob<SendDigestsJob>(j => j.WithIdentity(SendDigestsJob.Key).StoreDurably());
            // Half a minute after the huddle tick, so the two never queue on SQLite's write lock together.
            q.AddTrigger((services, t) => t.ForJob(SendDigestsJob.Key).WithIdentity("digests-every-minute", "schedules")
                .WithCronSchedule("30 * * * * ?", c => c.InTimeZone(ZoneOf(services)).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.AddTrigger(t => t.ForJob(SendDigestsJob.Key).WithIdentity("digests-on-start", "schedules").StartNow()
                .UsingJobData(SendDailyHuddlesJob.LookBackKey, TimeSpan.FromDays(1).ToString("c", CultureInfo.InvariantCulture)));

            q.AddJob<SendWeeklyMeetingAgendasJob>(j => j.WithIdentity(SendWeeklyMeetingAgendasJob.Key).StoreDurably());
            q.AddTrigger((services, t) => t.ForJob(SendWeeklyMeetingAgendasJob.Key).WithIdentity("meetings-every-minute", "schedules")
                .WithCronSchedule("45 * * * * ?", c => c.InTimeZone(ZoneOf(services)).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.AddTrigger(t => t.ForJob(SendWeeklyMeetingAgendasJob.Key).WithIdentity("meetings-on-start", "schedules").StartNow()
                .UsingJobData(SendDailyHuddlesJob.LookBackKey, TimeSpan.FromDays(1).ToString("c", CultureInfo.InvariantCulture)));

            q.AddJob<ChaseDeadlinesJob>(j => j.WithIdentity(ChaseDeadlinesJob.Key).StoreDurably());
            // Missed runs are not caught up one by one: the next run sees every clock as of its own moment.
            q.AddTrigger((services, t) => t.ForJob(ChaseDeadlinesJob.Key).WithIdentity("chase-every-interval", "schedules").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(ChaseIntervalOf(services)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            q.AddJob<FollowGroupMessagesJob>(j => j.WithIdentity(FollowGroupMessagesJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(FollowGroupMessagesJob.Key).WithIdentity("group-messages-every-10-minutes", "schedules").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(10)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<PublishScheduledAnnouncementsJob>(j => j.WithIdentity(PublishScheduledAnnouncementsJob.Key).StoreDurably());
            // A scheduled announcement missed while down is due at the next tick (the query is "due and unpublished").
            q.AddTrigger((services, t) => t.ForJob(PublishScheduledAnnouncementsJob.Key).WithIdentity("announcements-every-minute", "announcements").StartNow()
                .WithCronSchedule("15 * * * * ?", c => c.InTimeZone(ZoneOf(services)).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.AddJob<RemindAnnouncementAcksJob>(j => j.WithIdentity(RemindAnnouncementAcksJob.Key).StoreDurably());
            q.AddTrigger((services, t) => t.ForJob(RemindAnnouncementAcksJob.Key).WithIdentity("announcement-acks-every-5-minutes", "announcements").StartNow()
                .WithCronSchedule("50 0/5 * * * ?", c => c.InTimeZone(ZoneOf(services)).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));

            q.AddJob<CheckCalendarCoverageJob>(j => j.WithIdentity(CheckCalendarCoverageJob.Key).StoreDurably());
            q.AddTrigger((services, t) => t.ForJob(CheckCalendarCoverageJob.Key).WithIdentity("calendar-every-morning", "schedules")
                .WithCronSchedule("0 0 9 * * ?", c => c.InTimeZone(ZoneOf(services)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddTrigger(t => t.ForJob(CheckCalendarCoverageJob.Key).WithIdentity("calendar-on-start", "schedules").StartNow());
        });
        builder.Services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            // The migrator (an earlier hosted service) must have created the bot's schema before the first fire.
            o.AwaitApplicationStarted = true;
        });
        return builder;
    }

    // Read from the validated options as the scheduler is built (at start, after ValidateOnStart): the planner's own
    // zone, so a tick and the slot it looks for are in one zone.
    private static TimeZoneInfo ZoneOf(IServiceProvider services) => services.GetRequiredService<ChinaWorkingCalendar>().TimeZone;

    private static TimeSpan ChaseIntervalOf(IServiceProvider services) => services.GetRequiredService<IOptions<ScheduleOptions>>().Value.ChaseInterval;
}
