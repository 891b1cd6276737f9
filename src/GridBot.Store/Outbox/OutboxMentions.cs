namespace GridBot.Store.Outbox;

/// <summary>The <see cref="OutboxMessage.Mentions"/> column: user ids joined by commas (WeCom userids have none).</summary>
public static class OutboxMentions
{
    public static string? Join(IEnumerable<string>? userIds)
    {
        var ids = userIds?.Where(id => !string.IsNullOrWhiteSpace(id) && !id.Contains(',', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return ids is { Count: > 0 } ? string.Join(',', ids) : null;
    }

    public static IReadOnlyList<string> Split(string? mentions) =>
        string.IsNullOrEmpty(mentions) ? [] : mentions.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
