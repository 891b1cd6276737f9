namespace GridBot.Dialogs.Calendar;

/// <summary>
/// One listed day of a holiday-cn file: a statutory holiday (<see cref="IsOffDay"/> true) or a
/// make-up workday (调休, a Saturday or Sunday that is worked; <see cref="IsOffDay"/> false).
/// </summary>
public sealed record HolidayDay(DateOnly Date, string Name, bool IsOffDay);
