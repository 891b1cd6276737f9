namespace GridBot.Dialogs.Core;

public sealed record TurnResult(IReadOnlyList<Activity> Replies, bool Duplicate);
