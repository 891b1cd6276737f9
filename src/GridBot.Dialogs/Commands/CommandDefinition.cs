namespace GridBot.Dialogs.Commands;

/// <summary>How a command is called (Chinese words first, English aliases after) and who may call it.</summary>
public sealed record CommandDefinition(
    string Name,
    IReadOnlyList<string> Aliases,
    CommandAudience Audience,
    string Usage,
    string Summary);
