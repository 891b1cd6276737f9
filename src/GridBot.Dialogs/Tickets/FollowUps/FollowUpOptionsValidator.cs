using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>Stops the start on a follow-up setting that would make urging or correcting meaningless.</summary>
public sealed class FollowUpOptionsValidator : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        var failures = new List<string>();
        if (options.UrgesToRaise is < 1 or > 50)
        {
            failures.Add($"FollowUps:UrgesToRaise must be between 1 and 50 (was {options.UrgesToRaise}).");
        }

        if (options.CorrectionWindow < TimeSpan.FromMinutes(1) || options.CorrectionWindow > TimeSpan.FromDays(7))
        {
            failures.Add($"FollowUps:CorrectionWindow must be between 00:01:00 and 7.00:00:00 (was {options.CorrectionWindow}).");
        }

        if (options.UrgeRepeatWithin < TimeSpan.Zero || options.UrgeRepeatWithin > TimeSpan.FromDays(1))
        {
            failures.Add($"FollowUps:UrgeRepeatWithin must be between 00:00:00 and 1.00:00:00 (was {options.UrgeRepeatWithin}).");
        }

        if (options.QuestionLifetime < TimeSpan.FromMinutes(1) || options.QuestionLifetime > TimeSpan.FromHours(24))
        {
            failures.Add($"FollowUps:QuestionLifetime must be between 00:01:00 and 1.00:00:00 (was {options.QuestionLifetime}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
