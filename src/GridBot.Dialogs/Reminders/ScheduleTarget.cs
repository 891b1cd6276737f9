using GridBot.Store.Grids;

namespace GridBot.Dialogs.Reminders;

/// <summary>A grid that has at least one chat to post into.</summary>
public sealed record ScheduleTarget(int GridId, string Code, string Name, GridLevel Level, string Path);
