namespace GridBot.Dialogs.Calendar;

/// <summary>How urgently missing holiday data needs an operator.</summary>
public enum CalendarCoverageLevel
{
    /// <summary>The current year is loaded, and so is next year if it is already December.</summary>
    Ok,

    /// <summary>It is December and next year's schedule is not loaded yet.</summary>
    Warning,

    /// <summary>The current year is not loaded: deadlines ignore holidays and make-up workdays now.</summary>
    Error,
}
