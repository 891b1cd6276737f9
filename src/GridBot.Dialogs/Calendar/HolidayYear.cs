namespace GridBot.Dialogs.Calendar;

/// <summary>
/// One year's published schedule. <see cref="Days"/> may reach into the neighbouring years
/// (the 2023 file lists 2022-12-31), because a holiday block can straddle New Year.
/// </summary>
/// <param name="Year">The year the schedule was published for.</param>
/// <param name="Days">Listed holidays and make-up workdays; unlisted days follow the normal week.</param>
/// <param name="Source">Where it came from (<c>embedded:2026.json</c> or a file path), for logs and errors.</param>
public sealed record HolidayYear(int Year, IReadOnlyList<HolidayDay> Days, string Source);
