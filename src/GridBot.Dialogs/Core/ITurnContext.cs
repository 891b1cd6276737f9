using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Identity;

namespace GridBot.Dialogs.Core;

/// <summary>Everything one turn needs: the incoming activity, who sent it, their dialog stack, and a way to answer.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    TurnIdentity Identity { get; }

    DialogStack Dialogs { get; }

    IReadOnlyList<Activity> Replies { get; }

    /// <summary>Replies into the current conversation, inside the turn.</summary>
    void Reply(string text, params Entity[] mentions);
}
