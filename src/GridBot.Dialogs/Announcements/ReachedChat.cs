namespace GridBot.Dialogs.Announcements;

/// <summary>A chat an announcement goes to (its row id, grid, and the channel's conversation id).</summary>
public sealed record ReachedChat(int Id, int GridId, string Channel, string ChatId);
