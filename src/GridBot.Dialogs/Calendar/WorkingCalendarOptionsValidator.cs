using System.Globalization;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Calendar;

/// <summary>
/// Fails start-up on a calendar setting that would make every deadline wrong; each failure
/// names the configuration key and the bad value so the operator can fix the deploy.
/// </summary>
public sealed class WorkingCalendarOptionsValidator : IValidateOptions<WorkingCalendarOptions>
{
    private const string Prefix = WorkingCalendarOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, WorkingCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            failures.Add($"{Prefix}{nameof(options.TimeZone)} is empty; use an IANA id such as 'Asia/Shanghai'.");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"{Prefix}{nameof(options.TimeZone)} '{options.TimeZone}' is not a time zone known to this machine; use an IANA id such as 'Asia/Shanghai'.");
        }

        CheckOrder(failures, nameof(options.MorningStart), options.MorningStart, nameof(options.MorningEnd), options.MorningEnd, allowEqual: false);
        // Equal is allowed here: a deployment without a lunch break sets both to the same time.
        CheckOrder(failures, nameof(options.MorningEnd), options.MorningEnd, nameof(options.AfternoonStart), options.AfternoonStart, allowEqual: true);
        CheckOrder(failures, nameof(options.AfternoonStart), options.AfternoonStart, nameof(options.AfternoonEnd), options.AfternoonEnd, allowEqual: false);

        if (!string.IsNullOrWhiteSpace(options.HolidayDataFolder))
        {
            CheckFolder(failures, options.HolidayDataFolder);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckOrder(List<string> failures, string earlierKey, TimeOnly earlier, string laterKey, TimeOnly later, bool allowEqual)
    {
        if (earlier < later || (allowEqual && earlier == later))
        {
            return;
        }

        failures.Add($"{Prefix}{earlierKey} '{Format(earlier)}' must be {(allowEqual ? "at or before" : "before")} {Prefix}{laterKey} '{Format(later)}'.");
    }

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static void CheckFolder(List<string> failures, string folder)
    {
        var fullPath = Path.GetFullPath(folder);
        if (!Directory.Exists(fullPath))
        {
            failures.Add($"{Prefix}{nameof(WorkingCalendarOptions.HolidayDataFolder)} '{folder}' does not exist (resolved to '{fullPath}').");
            return;
        }

        // Parsing here, not only when the calendar is first resolved, makes a bad file fail the boot
        // (ValidateOnStart) instead of the first ticket that needs a deadline.
        try
        {
            _ = HolidayDataLoader.LoadFolder(fullPath);
        }
        catch (HolidayDataException exception)
        {
            failures.Add($"{Prefix}{nameof(WorkingCalendarOptions.HolidayDataFolder)} '{folder}': {exception.Message}");
        }
    }
}
