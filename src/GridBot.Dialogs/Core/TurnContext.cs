using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Identity;
using GridBot.Store.Conversations;

namespace GridBot.Dialogs.Core;

public sealed class TurnContext(Activity activity, TurnDelivery delivery)
{
    private readonly List<Activity> _replies = [];
    private TurnIdentity? _identity;

    public Activity Activity { get; } = activity;

    /// <summary>How this turn's replies leave (in the response, by outbox, or in the response unless late).</summary>
    public TurnDelivery Delivery { get; } = delivery;

    public TurnIdentity Identity
    {
        get => _identity ?? throw new InvalidOperationException("Identity is resolved by IdentityMiddleware before any handler runs.");
        set => _identity = value;
    }

    public bool HasIdentity => _identity is not null;

    public DialogStack Dialogs { get; set; } = new();

    public IReadOnlyList<Activity> Replies => _replies;

    /// <summary>True when this activity was handled before; <see cref="Replies"/> then holds the first answer.</summary>
    public bool IsDuplicate { get; set; }

    /// <summary>Set by the error boundary: the turn's effects were dropped, so it must not count as handled.</summary>
    public bool Failed { get; set; }

    public string ConversationKey => $"{Activity.ChannelId}|{Activity.Conversation?.Id}";

    public string DedupKey => ActivityDedup.Key(Activity.ChannelId, Activity.Id);

    public string DialogKey => $"{Activity.ChannelId}|{Activity.Conversation?.Id}|{Activity.From?.Id}";

    public void Reply(string text, params Entity[] mentions)
    {
        var reply = Activity.CreateReply(text);
        if (mentions.Length > 0)
        {
            reply.Entities = [.. mentions];
        }

        _replies.Add(reply);
    }

    public void ReplaceReplies(IEnumerable<Activity> replies)
    {
        _replies.Clear();
        _replies.AddRange(replies);
    }
}
