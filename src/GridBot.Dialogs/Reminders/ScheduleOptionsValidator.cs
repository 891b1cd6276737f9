using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Reminders;

/// <summary>A bad schedule setting stops the start, naming the key and the value.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        if (options.ChaseInterval < TimeSpan.FromSeconds(10) || options.ChaseInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Schedules:ChaseInterval ({options.ChaseInterval}) must be between 00:00:10 and 01:00:00.");
        }

        if (!(options.RemindAtShare is > 0 and < 1))
        {
            failures.Add($"Schedules:RemindAtShare ({options.RemindAtShare}) must be between 0 and 1 (0.75 = at 75% of the deadline).");
        }

        if (!(options.EscalateAfterWorkingHours is >= 0 and <= 70))
        {
            failures.Add($"Schedules:EscalateAfterWorkingHours ({options.EscalateAfterWorkingHours}) must be between 0 and 70.");
        }

        if (options.MissedFireGrace < TimeSpan.Zero || options.MissedFireGrace > TimeSpan.FromHours(12))
        {
            failures.Add($"Schedules:MissedFireGrace ({options.MissedFireGrace}) must be between 00:00:00 and 12:00:00.");
        }

        if (options.MaxMessageBytes < 512)
        {
            failures.Add($"Schedules:MaxMessageBytes ({options.MaxMessageBytes}) must be at least 512.");
        }

        for (var i = 0; i < options.DigestRecipients.Count; i++)
        {
            var r = options.DigestRecipients[i];
            if (string.IsNullOrWhiteSpace(r.Scope) || string.IsNullOrWhiteSpace(r.Channel) || string.IsNullOrWhiteSpace(r.ConversationId))
            {
                failures.Add($"Schedules:DigestRecipients:{i} needs Scope, Channel and ConversationId.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
