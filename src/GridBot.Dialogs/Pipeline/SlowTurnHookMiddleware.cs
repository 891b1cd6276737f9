using GridBot.Dialogs.Core;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Pipeline;

/// <summary>
/// Test-only fault injection, off unless <c>Testing:SlowTurns:Delay</c> is set: every <c>Every</c>-th new activity id
/// (by a stable hash, so a replay after a restart is slow again) waits that long before the bot works on it, past any
/// reply budget. The crash test uses it to have turns that miss the AI bot's budget killed mid-flight. After dedup, so
/// a retry of a finished turn stays fast; before any write, so the wait holds no database lock.
/// </summary>
public sealed class SlowTurnHookMiddleware(IOptions<SlowTurnOptions> options, TimeProvider time) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        var slow = options.Value;
        if (slow.Delay > TimeSpan.Zero && context.Activity.Id is { Length: > 0 } id && IsChosen(id, slow.Every))
        {
            await Task.Delay(slow.Delay, time, cancellationToken);
        }

        await next(cancellationToken);
    }

    /// <summary>Whether the hook slows the activity <paramref name="id"/> down (a test predicts its slow turns with it).</summary>
    public static bool IsChosen(string id, int every) => StableHash(id) % (uint)every == 0;

    private static uint StableHash(string text)
    {
        // FNV-1a: string.GetHashCode differs per process.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
