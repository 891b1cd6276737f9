namespace GridBot.Dialogs.Commands;

/// <summary>
/// What <see cref="StaffWords"/> read: the command, its arguments, and, when no number was given, what the ticket is
/// about in the speaker's words ("2栋路灯"), to tell the fresh reports apart.
/// </summary>
public sealed record StaffWordsCommand(string Command, string Arguments, string? About = null);
