using System.ComponentModel.DataAnnotations;

namespace GridBot.Host.Configuration;

public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Outbox:PollInterval must be between 50 ms and 1 minute.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Attempts before a row is failed for good. 12: with waits doubling from 0.5 s a row keeps trying for ~17 minutes,
    /// as long as the 10 attempts did with waits doubling from 2 s.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Outbox:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// The wait before a failed send's first retry, doubled for each retry after it (at most 10 min), each jittered
    /// ×0.5–1.5 (<see cref="Outbox.OutboxBackoff"/>). Short: a 500 or WeCom's -1 "system busy" is mostly momentary
    /// (WECOM.md §4: retry -1, at most 3 times), and the row waits without a send slot; a second's wait made the last
    /// of an announcement's 2% of 500s its tail.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Outbox:FirstRetryDelay must be between 50 ms and 1 minute.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many rows one claim takes (at most one per conversation).</summary>
    [Range(1, 1000, ErrorMessage = "Outbox:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many sends one host has in flight at once; one conversation's rows always go one after the other. 64: an
    /// announcement to the district's 2,009 robot groups (each its own robot, so WeCom's 20 a minute per robot is not
    /// the limit) at ~50 ms a send goes out in ~2 s; sends mostly wait on the network, so slots cost little.
    /// </summary>
    [Range(1, 256, ErrorMessage = "Outbox:Parallelism must be between 1 and 256.")]
    public int Parallelism { get; set; } = 64;

    /// <summary>
    /// How long a claimed row belongs to the host that claimed it. Longer than the slowest send (one attempt: a WeCom
    /// robot send times out after 5 s; retries are new claims); a row of a host that died is sent by another host after it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Outbox:ClaimLease must be between 5 seconds and 1 hour.")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}
