using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace GridBot.FakeWeCom;

/// <summary>Everything the fake remembers: requests, robots' send times (for 45009), tokens, used response_urls, faults.</summary>
public sealed class FakeWeComState(FakeWeComOptions options, TimeProvider time)
{
    private readonly ConcurrentQueue<FakeRecord> _records = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _robotSends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _usedResponseCodes = new(StringComparer.Ordinal);
    private readonly Lock _faultLock = new();
    private int _tokensIssued;

    public FakeWeComOptions Options => options;

    public FakeFaults Faults { get; private set; } = new() { LatencyMs = options.LatencyMs, ServerErrorPercent = options.ServerErrorPercent };

    public int TokensIssued => _tokensIssued;

    public IReadOnlyList<FakeRecord> Records => [.. _records];

    public DateTimeOffset Now => time.GetUtcNow();

    public void Record(string api, string target, int errcode, JsonNode? body) => _records.Enqueue(new FakeRecord(Now, api, target, errcode, body));

    public void SetFaults(FakeFaults faults)
    {
        lock (_faultLock)
        {
            Faults = faults;
        }
    }

    /// <summary>Takes one injected fault, if any is left: "500", "drop" or null.</summary>
    public string? TakeFault()
    {
        lock (_faultLock)
        {
            if (Faults.ServerErrors > 0)
            {
                Faults.ServerErrors--;
                return "500";
            }

            if (Faults.Drops > 0)
            {
                Faults.Drops--;
                return "drop";
            }

            return Faults.ServerErrorPercent > 0 && Random.Shared.Next(100) < Faults.ServerErrorPercent ? "500" : null;
        }
    }

    /// <summary>WeCom counts every attempt against the robot's limit, so the attempt is counted before it is judged.</summary>
    public bool TryCountRobotSend(string key)
    {
        lock (_robotSends)
        {
            var now = Now;
            if (!_robotSends.TryGetValue(key, out var sends))
            {
                sends = new Queue<DateTimeOffset>();
                _robotSends[key] = sends;
            }

            while (sends.Count > 0 && sends.Peek() <= now - options.WebhookWindow)
            {
                sends.Dequeue();
            }

            if (sends.Count >= options.WebhookPermits)
            {
                return false;
            }

            sends.Enqueue(now);
            return true;
        }
    }

    /// <summary>The most accepted sends any robot had within one window, for the "never over 20/min" check.</summary>
    public int MaxAcceptedInAnyWindow()
    {
        lock (_robotSends)
        {
            var accepted = _records.Where(r => r.Api == "webhook/send" && r.Errcode == 0).GroupBy(r => r.Target);
            var max = 0;
            foreach (var robot in accepted)
            {
                var times = robot.Select(r => r.At).Order().ToList();
                for (int start = 0, end = 0; end < times.Count; end++)
                {
                    while (times[end] - times[start] >= options.WebhookWindow)
                    {
                        start++;
                    }

                    max = Math.Max(max, end - start + 1);
                }
            }

            return max;
        }
    }

    public string IssueToken()
    {
        var token = "fake-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = Now.AddSeconds(options.TokenLifetimeSeconds);
        Interlocked.Increment(ref _tokensIssued);
        return token;
    }

    /// <returns>0 when valid, 42001 when expired, 40014 when unknown.</returns>
    public int CheckToken(string? token) =>
        token is null || !_tokens.TryGetValue(token, out var expires) ? 40014 : expires <= Now ? 42001 : 0;

    /// <summary>Makes every issued token expire now, as WeCom may do early (the client must refresh on 42001).</summary>
    public void ExpireTokens()
    {
        foreach (var token in _tokens.Keys)
        {
            _tokens[token] = DateTimeOffset.MinValue;
        }
    }

    /// <summary>A response_url works once.</summary>
    public bool TryUseResponseCode(string code) => _usedResponseCodes.TryAdd(code, true);

    public void Reset()
    {
        _records.Clear();
        lock (_robotSends)
        {
            _robotSends.Clear();
        }

        _tokens.Clear();
        _usedResponseCodes.Clear();
        SetFaults(new FakeFaults { LatencyMs = options.LatencyMs, ServerErrorPercent = options.ServerErrorPercent });
    }
}
