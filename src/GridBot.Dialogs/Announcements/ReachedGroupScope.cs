namespace GridBot.Dialogs.Announcements;

/// <summary>A target subtree with customer groups bound in it: one mass-send row goes to its code, reaching <paramref name="Groups"/> groups.</summary>
public sealed record ReachedGroupScope(int GridId, string Code, int Groups);
