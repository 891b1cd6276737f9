namespace GridBot.Host.Import;

/// <summary>
/// A chat row that passed every check; <paramref name="GridCode"/> exists in the import or the database.
/// <paramref name="WebhookKey"/> is a secret (a WeCom group robot key): never put it into a message or a log.
/// </summary>
internal sealed record ChatImport(ImportRow Source, string Channel, string ChatId, string GridCode, string Name, string? WebhookKey);
