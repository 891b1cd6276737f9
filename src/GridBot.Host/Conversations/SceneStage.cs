using GridBot.Store.Grids;

namespace GridBot.Host.Conversations;

/// <summary>
/// Where one scene is played: its own copy of the demo grid (same name, level, parent and staff names, a code of its
/// own), its own group chat bound to it, and its own user ids. Tickets, pending questions, duplicates and "my last
/// ticket" therefore never leak from one scene into the next, while the bot sees an ordinary grid group.
/// </summary>
internal sealed class SceneStage
{
    public const string BotId = "gridbot";
    public const string BotName = "网格小助手";

    private readonly Dictionary<string, SceneSpeaker> speakers;

    public SceneStage(int index, Scene scene, Grid demoGrid, string demoChatName, IReadOnlyList<Member> demoStaff)
    {
        Prefix = $"cv{index:D3}";
        GridCode = $"{demoGrid.Code}-CV{index:D3}";
        GroupId = Prefix + "-group";
        GroupName = demoChatName;
        speakers = new Dictionary<string, SceneSpeaker>(StringComparer.Ordinal);
        foreach (var staff in demoStaff)
        {
            speakers[staff.Name] = new SceneSpeaker($"{Prefix}-{staff.UserId}", staff.Name, staff.Role, staff.Phone);
        }

        for (var i = 0; i < scene.Residents.Count; i++)
        {
            // A resident named like a staff member of the grid would be ambiguous: the resident wins in the scene's words.
            speakers[scene.Residents[i]] = new SceneSpeaker($"{Prefix}-r{i + 1}", scene.Residents[i], MemberRole.Resident, null);
        }
    }

    public string Prefix { get; }

    public string GridCode { get; }

    public string GroupId { get; }

    public string GroupName { get; }

    public IEnumerable<SceneSpeaker> Speakers => speakers.Values;

    public IEnumerable<SceneSpeaker> Staff => speakers.Values.Where(s => s.Role != MemberRole.Resident);

    public SceneSpeaker? Speaker(string name) => speakers.GetValueOrDefault(name);

    /// <summary>The conversation id of a person's private chat with the bot (as the chat page and the tests name it).</summary>
    public static string PrivateChatOf(SceneSpeaker speaker) => "private-" + speaker.UserId;
}

internal sealed record SceneSpeaker(string UserId, string Name, MemberRole Role, string? Phone);
