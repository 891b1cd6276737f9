namespace GridBot.Host.Tests.Authorization;

/// <summary>
/// What one cell's action gave back: the HTTP status, the text a person would read (chat replies, a body, the
/// strings of an .xlsx), the redirect target, and whether the ticket or announcement it acted on changed (null: none).
/// </summary>
public sealed record Observation(int Status, string Text, string? Location = null, bool? Changed = null);
