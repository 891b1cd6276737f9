using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridBot.Host.Conversations;

/// <summary>
/// One file of the conversation corpus (tests/conversations/*.json): scenes grouped by behaviour. The format is
/// described in docs/UNDERSTANDING.md ("Conversation corpus").
/// </summary>
internal sealed class SceneFile
{
    /// <summary>What the file is about, for people reading it.</summary>
    public string? About { get; set; }

    /// <summary>Words no reply of any scene in the file may contain (added to each scene's own).</summary>
    public List<string> NeverContains { get; set; } = [];

    public List<Scene> Scenes { get; set; } = [];
}

/// <summary>A scripted multi-turn conversation in one group of a demo grid, and what must come of it.</summary>
internal sealed class Scene
{
    public string Id { get; set; } = "";

    /// <summary>The behaviour it shows: a row of CONVERSATIONS.md or a bad case of issue #14 ("why: …").</summary>
    public string Behaviour { get; set; } = "";

    public string? Note { get; set; }

    /// <summary>The demo grid whose group the scene happens in (the runner gives each scene its own copy of it).</summary>
    public string Grid { get; set; } = SceneDefaults.Grid;

    /// <summary>Residents speaking in the scene, by name; the grid's staff are known by their demo names.</summary>
    public List<string> Residents { get; set; } = [];

    public List<SceneTurn> Turns { get; set; } = [];

    public SceneExpectation Expect { get; set; } = new();
}

internal static class SceneDefaults
{
    public const string Grid = "DEMO-S01-C01-G01";
}

/// <summary>One message (or a pause: <see cref="Wait"/>) and what the bot must answer to it.</summary>
internal sealed class SceneTurn
{
    public string? From { get; set; }

    public string? Text { get; set; }

    /// <summary>In the speaker's private chat with the bot instead of the group.</summary>
    public bool Private { get; set; }

    /// <summary>@-mentions the bot ("@网格小助手 " before the text and a mention entity, as the chat page sends it).</summary>
    public bool MentionBot { get; set; }

    /// <summary>Quotes the bot's last message in this chat (replyToId).</summary>
    public bool QuoteBot { get; set; }

    /// <summary>Sends a photo with (or instead of) the text.</summary>
    public bool Image { get; set; }

    /// <summary>A pause before the next message, e.g. "00:11:00": the host's clock moves on.</summary>
    public TimeSpan? Wait { get; set; }

    public ReplyExpectation? Expect { get; set; }
}

/// <summary>What the bot's answer to one message must be.</summary>
internal sealed class ReplyExpectation
{
    /// <summary>true: at least one reply; false: silence.</summary>
    public bool? Reply { get; set; }

    /// <summary>Every one of these appears in the reply.</summary>
    public List<string> Contains { get; set; } = [];

    /// <summary>At least one of these appears in the reply.</summary>
    public List<string> ContainsAny { get; set; } = [];

    public List<string> NotContains { get; set; } = [];
}

/// <summary>What the whole scene must leave behind.</summary>
internal sealed class SceneExpectation
{
    /// <summary>Exactly these tickets in the scene's grid (each matched to one ticket, in any order); null: not checked.</summary>
    public List<TicketExpectation>? Tickets { get; set; }

    /// <summary>Whatever tickets there are (none is fine) each match this, e.g. "a question is logged only as 咨询".</summary>
    public TicketExpectation? EveryTicket { get; set; }

    /// <summary>No reply and no message of the scene contains any of these.</summary>
    public List<string> NeverContains { get; set; } = [];

    /// <summary>Messages outside the turn's answer (outbox rows) to the group or to a person in private.</summary>
    public List<MessageExpectation> Messages { get; set; } = [];

    /// <summary>A phone a resident typed may appear in the bot's words (off by default: phones are masked).</summary>
    public bool AllowPhones { get; set; }
}

internal sealed class TicketExpectation
{
    public string? Category { get; set; }

    public List<string> CategoryIn { get; set; } = [];

    /// <summary>Every one of these is in the place.</summary>
    public List<string> PlaceContains { get; set; } = [];

    /// <summary>None of these is in the place (e.g. the unrelated sentence that must not become one).</summary>
    public List<string> PlaceNotContains { get; set; } = [];

    public List<string> DescriptionContains { get; set; } = [];

    public List<string> DescriptionNotContains { get; set; } = [];

    /// <summary>Normal or Urgent.</summary>
    public string? Urgency { get; set; }

    /// <summary>complaint, help, consultation, suggestion or praise (staff API "appealType").</summary>
    public string? AppealType { get; set; }

    /// <summary>A ticket status code (New, Assigned, Resolved, Withdrawn, …).</summary>
    public string? Status { get; set; }

    public int? UrgeCount { get; set; }

    public int? Reporters { get; set; }

    /// <summary>A resident of the scene who is among the ticket's reporters.</summary>
    public string? Reporter { get; set; }

    public int? Photos { get; set; }

    public string? OwnerContains { get; set; }

    /// <summary>History actions that must be there (Create, Assign, Urge, Correct, Withdraw, AddAttachment, …).</summary>
    public List<string> History { get; set; } = [];
}

internal sealed class MessageExpectation
{
    /// <summary>"group", or the name of a person (their private chat).</summary>
    public string To { get; set; } = "group";

    public List<string> Contains { get; set; } = [];

    /// <summary>Exactly this many such messages (e.g. one urgent alarm, not one per telling); null: at least one.</summary>
    public int? Count { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SceneFile))]
internal sealed partial class SceneJson : JsonSerializerContext;
