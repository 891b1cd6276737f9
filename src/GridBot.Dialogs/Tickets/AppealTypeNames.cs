using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>The Chinese names (投诉, 求助, 咨询, 建议, 表扬) and the API codes of the appeal types, both ways.</summary>
public static class AppealTypeNames
{
    private static readonly Dictionary<AppealType, (string Name, string Code)> Names = new()
    {
        [AppealType.Complaint] = ("投诉", "complaint"),
        [AppealType.Help] = ("求助", "help"),
        [AppealType.Consultation] = ("咨询", "consultation"),
        [AppealType.Suggestion] = ("建议", "suggestion"),
        [AppealType.Praise] = ("表扬", "praise"),
    };

    public static IReadOnlyList<AppealType> All { get; } = Enum.GetValues<AppealType>();

    public static string Of(AppealType type) => Names[type].Name;

    /// <summary>The lower-case code the staff API, the console's query string and Open311 use.</summary>
    public static string Code(AppealType type) => Names[type].Code;

    /// <summary>投诉, complaint or Complaint (and 投诉类) all name the same type.</summary>
    public static AppealType? Parse(string? word)
    {
        var text = word?.Trim().TrimEnd('类');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (type, (name, code)) in Names)
        {
            if (name == text || string.Equals(code, text, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }
}
