namespace GridBot.Store.Tickets;

/// <summary>
/// What a resident came for, as 12345 hotlines sort appeals (诉求类型). Only a complaint and a request for help are
/// work with a deadline and a satisfaction rating; a question, a suggestion and praise are logged and answered.
/// </summary>
public enum AppealType
{
    /// <summary>投诉: a problem someone should fix.</summary>
    Complaint,

    /// <summary>求助: a person who needs a hand.</summary>
    Help,

    /// <summary>咨询: a question to answer.</summary>
    Consultation,

    /// <summary>建议: an idea for the community.</summary>
    Suggestion,

    /// <summary>表扬: thanks for someone's work.</summary>
    Praise,
}

public static class AppealTypes
{
    /// <summary>True for the types that carry the SLA clock (deadline, reminders, chases, overdue) and the rating.</summary>
    public static bool CarriesSla(this AppealType type) => type is AppealType.Complaint or AppealType.Help;
}
