using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>
/// What the fake kf server remembers (WECOM.md §5.3.9): each account's message log read by cursor, callback tokens
/// (10 minutes), sessions with their state, 48 h window and 5-send quota, one-time event codes and used msgids.
/// </summary>
public sealed class FakeKfState(FakeWeComOptions options, TimeProvider time)
{
    public const int InvalidOpenKfid = 95000;
    public const int SendQuotaSpent = 95001;
    public const int SendWindowClosed = 95002;
    public const int InvalidSyncToken = 95007;
    public const int NotAServicer = 95014;
    public const int TransitionNotAllowed = 95016;
    public const int StateForbidsSending = 95018;

    /// <summary>The real code for a reused send msgid is undocumented; 40058 (invalid parameter) stands in.</summary>
    public const int InvalidParameter = 40058;

    /// <summary>The real code for a used or expired event code is undocumented; 40029 (invalid code) stands in.</summary>
    public const int InvalidCode = 40029;

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(48);
    private static readonly TimeSpan WelcomeCodeLifetime = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan History = TimeSpan.FromDays(3);

    private static readonly Dictionary<int, int[]> Transitions = new()
    {
        [0] = [1, 2, 3, 4], [1] = [2, 3, 4], [2] = [3, 4], [3] = [3, 4], [4] = [],
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<JsonObject>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), FakeKfSession> _sessions = [];
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sentMsgids = new(StringComparer.Ordinal);
    private long _nextId;
    private int _syncCalls;

    public int SyncCalls => _syncCalls;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Customer messages (origin 3) into one account; a session that had ended or never started becomes 0.</summary>
    public IReadOnlyList<string> AddCustomerMessages(string openKfid, IEnumerable<FakeKfCustomerMessage> messages)
    {
        lock (_lock)
        {
            var ids = new List<string>();
            foreach (var message in messages)
            {
                var session = Session(openKfid, message.ExternalUserid);
                if (session.State == 4)
                {
                    session.State = 0;
                }

                session.LastCustomerMessage = Now;
                session.SendsSinceCustomer = 0;
                var item = Item(openKfid, message.ExternalUserid, 3, message.Msgtype);
                item[message.Msgtype] = message.Payload?.DeepClone() ?? new JsonObject();
                ids.Add(item["msgid"]!.GetValue<string>());
            }

            return ids;
        }
    }

    /// <summary>A resident opens the chat from a link: enter_session with the link's scene, and a welcome_code under WeCom's rule.</summary>
    public string? EnterSession(string openKfid, string externalUserid, string? scene, string? sceneParam)
    {
        lock (_lock)
        {
            var session = Session(openKfid, externalUserid);
            var quiet = (session.LastCustomerMessage is null || Now - session.LastCustomerMessage > ReplyWindow)
                && (session.LastWelcome is null || Now - session.LastWelcome > ReplyWindow);
            string? welcomeCode = null;
            if (quiet)
            {
                welcomeCode = NewCode(WelcomeCodeLifetime);
                session.LastWelcome = Now;
            }

            var item = Item(null, null, 4, "event");
            item["event"] = new JsonObject
            {
                ["event_type"] = "enter_session", ["open_kfid"] = openKfid, ["external_userid"] = externalUserid,
                ["scene"] = scene, ["scene_param"] = sceneParam, ["welcome_code"] = welcomeCode,
            };
            Log(openKfid).Add(item);
            return welcomeCode;
        }
    }

    /// <summary>The servicer ends the session in the WeCom client: state 4 and session_status_change (change_type 3).</summary>
    public void ServicerEnds(string openKfid, string externalUserid)
    {
        lock (_lock)
        {
            var session = Session(openKfid, externalUserid);
            var item = Item(null, null, 4, "event");
            item["event"] = new JsonObject
            {
                ["event_type"] = "session_status_change", ["open_kfid"] = openKfid, ["external_userid"] = externalUserid,
                ["change_type"] = 3, ["old_servicer_userid"] = session.Servicer, ["msg_code"] = NewCode(WelcomeCodeLifetime),
            };
            Log(openKfid).Add(item);
            session.State = 4;
            session.Servicer = null;
        }
    }

    /// <summary>A sync token as a callback carries it, valid 10 minutes.</summary>
    public string MintToken()
    {
        lock (_lock)
        {
            var token = "ENC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            _tokens[token] = Now + TokenLifetime;
            return token;
        }
    }

    public (int Errcode, JsonObject? Page) Sync(string? openKfid, string? token, string? cursor, int limit)
    {
        lock (_lock)
        {
            _syncCalls++;
            if (token is not null && (!_tokens.TryGetValue(token, out var expires) || expires <= Now))
            {
                return (InvalidSyncToken, null);
            }

            if (string.IsNullOrEmpty(openKfid) || !_logs.TryGetValue(openKfid, out var log))
            {
                return string.IsNullOrEmpty(openKfid) ? (InvalidOpenKfid, null) : (0, Page([], "", false));
            }

            int start;
            if (string.IsNullOrEmpty(cursor))
            {
                // No cursor: from the earliest message of the last three days.
                var since = (Now - History).ToUnixTimeSeconds();
                start = log.FindIndex(m => m["send_time"]!.GetValue<long>() >= since);
                start = start < 0 ? log.Count : start;
            }
            else if (cursor.Length > 1 && cursor[0] == 'c' && int.TryParse(cursor.AsSpan(1), out var position) && position >= 0 && position <= log.Count)
            {
                start = position;
            }
            else
            {
                return (InvalidParameter, null);
            }

            var count = Math.Min(Math.Min(limit is > 0 and <= 1000 ? limit : 1000, options.KfPageSize), log.Count - start);
            var items = log.GetRange(start, count).Select(m => (JsonNode)m.DeepClone()).ToArray();
            return (0, Page(items, "c" + (start + count), start + count < log.Count));
        }
    }

    public int Send(string? openKfid, string? touser, string? msgid)
    {
        lock (_lock)
        {
            if (string.IsNullOrEmpty(openKfid) || !_logs.ContainsKey(openKfid) || string.IsNullOrEmpty(touser))
            {
                return InvalidOpenKfid;
            }

            var session = Session(openKfid, touser);
            if (session.State is not (0 or 1))
            {
                return StateForbidsSending;
            }

            if (session.LastCustomerMessage is not { } last || Now - last > ReplyWindow)
            {
                return SendWindowClosed;
            }

            if (session.SendsSinceCustomer >= 5)
            {
                return SendQuotaSpent;
            }

            if (msgid is not null && !_sentMsgids.Add(openKfid + "/" + msgid))
            {
                return InvalidParameter;
            }

            session.SendsSinceCustomer++;
            return 0;
        }
    }

    /// <summary>An event code (welcome_code, msg_code) works once and only while it lives.</summary>
    public int UseCode(string? code)
    {
        lock (_lock)
        {
            return code is not null && _codes.Remove(code, out var expires) && expires > Now ? 0 : InvalidCode;
        }
    }

    public (int Errcode, string? MsgCode) Trans(string? openKfid, string? externalUserid, int state, string? servicer)
    {
        lock (_lock)
        {
            if (string.IsNullOrEmpty(openKfid) || string.IsNullOrEmpty(externalUserid) || !_logs.ContainsKey(openKfid))
            {
                return (InvalidOpenKfid, null);
            }

            var session = Session(openKfid, externalUserid);
            if (!Transitions[session.State].Contains(state))
            {
                return (TransitionNotAllowed, null);
            }

            if (state == 3 && (servicer is null || !options.KfServicers.Contains(servicer)))
            {
                return (NotAServicer, null);
            }

            var first = session.State != state && state is 2 or 3 or 4;
            session.State = state;
            session.Servicer = state == 3 ? servicer : null;
            return (0, first ? NewCode(state == 4 ? WelcomeCodeLifetime : ReplyWindow) : null);
        }
    }

    public (int State, string? Servicer) ServiceState(string openKfid, string externalUserid)
    {
        lock (_lock)
        {
            var session = Session(openKfid, externalUserid);
            return (session.State, session.Servicer);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _logs.Clear();
            _sessions.Clear();
            _tokens.Clear();
            _codes.Clear();
            _sentMsgids.Clear();
            _syncCalls = 0;
        }
    }

    private static JsonObject Page(JsonNode[] items, string nextCursor, bool hasMore) => new()
    {
        ["errcode"] = 0, ["errmsg"] = "ok", ["next_cursor"] = nextCursor, ["has_more"] = hasMore ? 1 : 0, ["msg_list"] = new JsonArray(items),
    };

    private List<JsonObject> Log(string openKfid)
    {
        if (!_logs.TryGetValue(openKfid, out var log))
        {
            log = [];
            _logs[openKfid] = log;
        }

        return log;
    }

    private FakeKfSession Session(string openKfid, string externalUserid)
    {
        if (!_sessions.TryGetValue((openKfid, externalUserid), out var session))
        {
            session = new FakeKfSession();
            _sessions[(openKfid, externalUserid)] = session;
        }

        return session;
    }

    /// <summary>A log item; events carry no top-level account or customer (they sit inside <c>event</c>).</summary>
    private JsonObject Item(string? openKfid, string? externalUserid, int origin, string msgtype)
    {
        var item = new JsonObject
        {
            ["msgid"] = "fkmsg" + (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["send_time"] = Now.ToUnixTimeSeconds(),
            ["origin"] = origin,
            ["msgtype"] = msgtype,
        };
        if (openKfid is not null)
        {
            item["open_kfid"] = openKfid;
            item["external_userid"] = externalUserid;
            Log(openKfid).Add(item);
        }

        return item;
    }

    private string NewCode(TimeSpan lifetime)
    {
        var code = "CODE" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _codes[code] = Now + lifetime;
        return code;
    }
}
