namespace GridBot.Dialogs.Core;

/// <summary>
/// How a turn's replies leave, decided once per turn by the channel: in the response (expectReplies, the console), by
/// outbox rows committed with the turn (callbacks), or in the response unless the channel stops waiting first (a
/// passive reply with a budget), in which case the replies become one outbox row to <see cref="LateRoute"/>, written
/// in the turn's own transaction. The turn's owner and the channel agree on which with one atomic switch, so an answer
/// is never both lost and never sent twice.
/// </summary>
public sealed class TurnDelivery
{
    private const int Open = 0, InResponse = 1, Stopped = 2;
    private int _state;

    private readonly bool _mayStop;

    private TurnDelivery(bool waits, bool mayStop, LateReplyRoute? lateRoute, bool usesLateRoute)
    {
        Waits = waits;
        _mayStop = mayStop;
        LateRoute = lateRoute;
        UsesLateRoute = usesLateRoute;
        _state = waits ? Open : Stopped;
    }

    /// <summary>The channel returns the replies itself and waits for them however long the turn takes.</summary>
    public static TurnDelivery ReturnedInResponse() => new(waits: true, mayStop: false, lateRoute: null, usesLateRoute: false);

    /// <summary>The replies are outbox rows on the activity's own channel and serviceUrl, one per reply.</summary>
    public static TurnDelivery ByOutbox() => new(waits: false, mayStop: false, lateRoute: null, usesLateRoute: false);

    /// <summary>
    /// In the response while the channel waits; after <see cref="StopWaiting"/>, one outbox row to <paramref name="route"/>
    /// (none without a route: the answer then stays only in the processed record, for the channel to ask for again).
    /// </summary>
    public static TurnDelivery InResponseUnlessLate(LateReplyRoute? route) => new(waits: true, mayStop: true, route, usesLateRoute: true);

    /// <summary>Nobody waits any more (an inbox message run again): the answer goes by <paramref name="route"/> only.</summary>
    public static TurnDelivery Late(LateReplyRoute? route) => new(waits: false, mayStop: false, route, usesLateRoute: true);

    /// <summary>True while a channel may still be waiting for the replies in its response.</summary>
    public bool Waits { get; }

    public LateReplyRoute? LateRoute { get; }

    /// <summary>
    /// True for a message a channel may have acknowledged before the turn ends: a late answer goes by <see cref="LateRoute"/>
    /// (never as per-reply rows on the activity's channel), and the commit removes the message's inbox row.
    /// </summary>
    public bool UsesLateRoute { get; }

    /// <summary>
    /// The channel stops waiting (its budget ran out). True: the turn has not settled, and will deliver by outbox.
    /// False: the turn is committing with the replies in the response, so the channel must wait for it.
    /// </summary>
    public bool StopWaiting()
    {
        if (!_mayStop)
        {
            throw new InvalidOperationException("This turn's channel said it would wait for the replies.");
        }

        return Interlocked.CompareExchange(ref _state, Stopped, Open) != InResponse;
    }

    /// <summary>Called by the turn's owner just before it commits: true when the replies go in the response.</summary>
    public bool SettleInResponse() => Interlocked.CompareExchange(ref _state, InResponse, Open) is Open or InResponse;
}

/// <summary>Where a late answer goes: one outbox row (the replies joined) on this channel and conversation.</summary>
public sealed record LateReplyRoute(string Channel, string ConversationId, string? ServiceUrl);
