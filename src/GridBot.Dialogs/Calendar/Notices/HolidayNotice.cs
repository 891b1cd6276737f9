namespace GridBot.Dialogs.Calendar.Notices;

/// <summary>What a 国务院办公厅关于某年部分节假日安排的通知 says: the year and every holiday and make-up workday it lists.</summary>
/// <param name="Year">The year the notice arranges.</param>
/// <param name="Days">Holidays (off) and make-up workdays (调休上班), sorted by date, named as the notice heads them.</param>
public sealed record HolidayNotice(int Year, IReadOnlyList<HolidayDay> Days);
