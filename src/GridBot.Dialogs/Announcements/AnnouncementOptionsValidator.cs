using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Announcements;

/// <summary>A bad announcement setting stops the start, naming the key and the value.</summary>
internal sealed class AnnouncementOptionsValidator : IValidateOptions<AnnouncementOptions>
{
    public ValidateOptionsResult Validate(string? name, AnnouncementOptions options)
    {
        var failures = new List<string>();
        if (options.AckReminderAfter < TimeSpan.FromMinutes(1) || options.AckReminderAfter > TimeSpan.FromDays(30))
        {
            failures.Add($"Announcements:AckReminderAfter ({options.AckReminderAfter}) must be between 00:01:00 and 30.00:00:00.");
        }

        if (!(options.LowAckRate is > 0 and <= 1))
        {
            failures.Add($"Announcements:LowAckRate ({options.LowAckRate}) must be above 0 and at most 1 (0.5 = 50%).");
        }

        if (options.AckReminderWindow < TimeSpan.FromHours(1) || options.AckReminderWindow > TimeSpan.FromDays(90))
        {
            failures.Add($"Announcements:AckReminderWindow ({options.AckReminderWindow}) must be between 01:00:00 and 90.00:00:00.");
        }

        if (options.MaxMessageBytes < 1024)
        {
            failures.Add($"Announcements:MaxMessageBytes ({options.MaxMessageBytes}) must be at least 1024.");
        }

        if (options.FanOutChunkSize is < 1 or > 5000)
        {
            failures.Add($"Announcements:FanOutChunkSize ({options.FanOutChunkSize}) must be between 1 and 5000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
